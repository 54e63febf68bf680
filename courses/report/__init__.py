"""The editors' course report in the admin (Informes → Cursos): enrolments, completion, drop-off, hard questions."""
