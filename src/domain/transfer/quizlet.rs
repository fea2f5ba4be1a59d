//! Quizlet's export (term and definition).
