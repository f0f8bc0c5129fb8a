"""The learned entity tagger: character CRFs trained on gold, merged with the rules' mentions."""
