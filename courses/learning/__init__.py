"""The learner's side of courses, one module per job; `courses.api` is the surface the rest of the site calls.

- `catalogue`: which courses, lessons and quizzes are published.
- `enrolment`: enrolling and saving lesson progress, under the enrolment row lock.
- `completion`: percent done and the moment the completion rule holds.
- `grading`: quizzes as the learner sees them, server-side grading, attempts.
- `certificates`: issuing, finding and linking certificates.
- `summary`: where to resume and what the dashboard shows.
- `data_rights`: the learner's data export and account deletion.
"""
