-- Answers to a named retro's questions given through the Answer button's form (without the
-- Message Content intent): the bot posts each into the question's thread as "Name answered: …";
-- the reply itself is a row of `replies` keyed by that message, this row says whose it is.
CREATE TABLE form_answers (
    message_id BIGINT PRIMARY KEY,
    retro_id BIGINT NOT NULL REFERENCES retros (id) ON DELETE CASCADE,
    question BIGINT NOT NULL,
    member_id BIGINT NOT NULL,
    UNIQUE (retro_id, question, member_id)
);
