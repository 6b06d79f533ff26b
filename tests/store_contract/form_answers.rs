//! Store contract of named answers given through the Answer button's form: recorded as the
//! member's reply (counted like a typed one), replaced when given again, withdrawn, listed for
//! reconciliation, and refused once the retro stops taking input.

use retrobot::domain::ids::{MemberId, MessageId};
use retrobot::domain::retro::RetroStatus;
use retrobot::domain::summary::Reply;
use retrobot::store::{FormAnswer, FormWithdrawal, Store};

use super::store_support::{self, contract};

const BOB: MemberId = MemberId(612_345_678_901_234_567);

fn reply(message: u64, content: &str) -> Reply {
    Reply {
        message_id: MessageId(message),
        question: 1,
        author_id: BOB,
        author_name: "Bob".into(),
        content: content.into(),
    }
}

contract!(
    form_answers_are_replies_of_their_author,
    |store: Store| async move {
        let retro = store.create_retro(&crate::new_retro(70)).await.unwrap();
        assert!(store
            .transition(retro.id, RetroStatus::Posting, RetroStatus::Open)
            .await
            .unwrap());
        assert_eq!(store.form_answer(retro.id, 1, BOB).await.unwrap(), None);

        assert!(store
            .save_form_answer(retro.id, &reply(900, "Calls"), 1)
            .await
            .unwrap());
        assert!(store
            .save_form_answer(retro.id, &reply(900, "Weekly calls"), 2)
            .await
            .unwrap());
        assert_eq!(
            store.form_answer(retro.id, 1, BOB).await.unwrap(),
            Some(FormAnswer {
                message_id: MessageId(900),
                content: Some("Weekly calls".into())
            })
        );
        assert_eq!(
            store.replies(retro.id).await.unwrap(),
            vec![reply(900, "Weekly calls")]
        );

        // Posted again (the first post was deleted in Discord): the new post replaces the old one.
        assert!(store
            .save_form_answer(retro.id, &reply(950, "Daily calls"), 3)
            .await
            .unwrap());
        assert_eq!(
            store.replies(retro.id).await.unwrap(),
            vec![reply(950, "Daily calls")]
        );
        assert_eq!(
            store.form_answer_posts(retro.id).await.unwrap(),
            vec![MessageId(950)]
        );

        assert_eq!(
            store.withdraw_form_answer(retro.id, 1, BOB).await.unwrap(),
            FormWithdrawal::Removed(MessageId(950))
        );
        assert!(store.replies(retro.id).await.unwrap().is_empty());
        assert_eq!(
            store.withdraw_form_answer(retro.id, 1, BOB).await.unwrap(),
            FormWithdrawal::NothingToWithdraw
        );

        assert!(store
            .transition(retro.id, RetroStatus::Open, RetroStatus::Closing)
            .await
            .unwrap());
        assert!(!store
            .save_form_answer(retro.id, &reply(990, "Late"), 4)
            .await
            .unwrap());
        assert_eq!(
            store.withdraw_form_answer(retro.id, 1, BOB).await.unwrap(),
            FormWithdrawal::NotOpen
        );
        assert!(store.replies(retro.id).await.unwrap().is_empty());
    }
);
