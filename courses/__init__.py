"""Teacher-training tracks, courses, lessons, quizzes, enrolment, progress and certificates."""
