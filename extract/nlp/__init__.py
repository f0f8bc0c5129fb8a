"""The NLP stage: a spaCy pipeline (jieba segmenter) whose components find mentions."""
