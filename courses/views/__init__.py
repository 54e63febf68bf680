"""HTTP views of the courses app: the learner API, accounts, learning pages and certificates."""
