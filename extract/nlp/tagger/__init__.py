"""The learned entity tagger: character CRFs over the rules' candidates, trained on gold."""
