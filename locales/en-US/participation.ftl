# English — taking part: buttons, answer forms, notices, posting errors. Every message here must exist in every other language's participation.ftl with the same $variables.

## Anonymous check-ins as posted

anonymous-how-questions = • Answer the { $questions } open questions with the **Answer** button in their threads: your answer is posted there without your name, and the same button edits or withdraws it. Messages typed into the threads are not counted (they show your name).
answer-anonymous-title = Anonymous answer
answer-empty = *(empty)*
answer-typed-not-counted = { $member } messages typed here are not counted: this check-in is anonymous, and a message shows your name. To answer anonymously, use the **Answer** button on the question at the top of this thread. You may want to delete your message.

## Named answers as posted

answer-named-post = **{ $name }** answered:

## The answer form

answer-form-title-anonymous = Anonymous answer to question { $number }
answer-form-title-named = Answer to question { $number }
answer-form-label = Your answer (empty withdraws it)

## What a member is told about their answer (only they see it)

answer-closed-anonymous = This check-in is not open any more, so answers can't change.
answer-closed-named = This retro is not open any more, so answers can't change.
answer-open-failed = I couldn't open your answer (database problem). Please try again in a moment.
answer-save-failed = I couldn't save your answer (database problem). Please try again in a moment.
answer-discord-failed = I couldn't post your answer in the thread (Discord refused). Please try again in a moment.
answer-posted-anonymous = Your answer is posted in { $thread } without your name. Click **Answer** again to edit or withdraw it.
answer-updated-anonymous = Your answer in { $thread } is updated, still without your name.
answer-posted-named = Your answer is posted in { $thread } under your name. Click **Answer** again to edit or withdraw it.
answer-updated-named = Your answer in { $thread } is updated.
answer-withdrawn = Your answer is withdrawn and removed from { $thread }.
answer-saved-not-shown = Your answer is saved and counts, but I couldn't update the thread yet; I'll retry (at the latest when the check-in closes).
answer-nothing-to-withdraw = You left the answer empty, and you had no answer to withdraw: nothing changed.

## What a member is told about their vote (only they see it)

vote-not-open = This check-in is not open any more, so votes can't change.
vote-closed = This check-in has closed, so votes can't change any more.
vote-failed = I couldn't record your vote (database problem). Please click again in a moment.
vote-or = { " " }or{ " " }
vote-privacy = Nobody can see who voted what.
vote-voted = Your vote: { $vote } — click again to change ({ $vote } again takes it back; { $others } switches). { vote-privacy }
vote-switched = Your vote: { $vote } (was { $was }) — click again to change ({ $vote } again takes it back). { vote-privacy }
vote-retracted = Your { $vote } vote is taken back — click { $others } to vote again.

## The summary

summary-more-replies = { $more ->
    [one] *… { $more } more reply: see `/retro export`*
   *[other] *… { $more } more replies: see `/retro export`*
}

## Why posting a retro stopped (told to the facilitator)

post-refused = Discord refused to { $step }: { $error }
post-database-failed = the database failed while recording the posts
post-step-header = post the header
post-step-statement = post a statement
post-step-reaction = add a reaction
post-step-list-threads = list the active threads
post-step-create-thread = create a thread
post-step-join-thread = join a question thread
post-step-question = post a question in its thread
rest-discord = Discord answered { $status }: { $message } (code { $code })
rest-rate-limited = Discord kept rate-limiting the request after { $retries } retries
rest-unreachable = could not reach Discord: { $error }
rest-unreadable = could not read Discord's answer: { $error }
