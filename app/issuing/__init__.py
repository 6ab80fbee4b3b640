"""The one issuing engine and the request workflow: filing, review, reissue and the rules."""
