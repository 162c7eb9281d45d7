//! サンプルの判断樹: several finished アセスメント (呼吸障害 and 球麻痺) and one still a
//! 下書き, on ALS patients of the second sample year, answered through the assessment's own
//! flow ([`Assessment::set_answer`], [`Assessment::finish`]) so they hold what a nurse's would.

use crate::domain::ids::RecordId;
use crate::domain::patient::{Disease, Patient};
use crate::domain::time::Timestamp;
use crate::domain::trees::assessment::{Assessment, Step};
use crate::domain::trees::data::{Answer, Tree};
use crate::domain::trees::measure::Sex;

/// Who judged (判断者).
pub const ASSESSOR: &str = "保健師 緑川";
/// How many finished assessments the sample holds (plus one 下書き).
pub const FINISHED: usize = 4;

/// Answers the questions in order, `pattern` choosing いいえ now and then, until the tree is
/// done (or the respiratory tree ends), or `limit` questions when it should stay unfinished.
fn answer(a: &mut Assessment, pattern: usize, limit: usize) {
    for i in 0..limit {
        let Step::Ask(q) = a.step() else { break };
        let no = (i + pattern) % 5 == 4;
        a.set_answer(q, Some(if no { Answer::No } else { Answer::Yes }));
    }
}

/// The assessments of the ALS patients among `patients` (record ID and body), made at `at`:
/// [`FINISHED`] finished ones and one 下書き. Fails when one does not pass the 完了 checks.
pub fn assessments(patients: &[(RecordId, Patient)], at: Timestamp) -> Result<Vec<Assessment>, String> {
    let als: Vec<&(RecordId, Patient)> = patients.iter().filter(|(_, p)| p.disease == Disease::Als).collect();
    let mut out = Vec::new();
    for k in 0..=FINISHED {
        let Some((id, patient)) = als.get(2 + k * 5) else { break };
        let tree = if k % 2 == 0 { Tree::Respiratory } else { Tree::Bulbar };
        let started = Timestamp(at.0 + (k as i64) * 86_400_000);
        let mut a = Assessment::for_patient(id.clone(), patient, tree, ASSESSOR, started);
        a.sex = Some(if k % 2 == 0 { Sex::Male } else { Sex::Female });
        if k == FINISHED {
            a.notes = "訪問時に途中まで実施。次回訪問で続きを確認する".to_string();
            answer(&mut a, k, 2);
            out.push(a);
        } else {
            a.continue_to_bulbar = k == 2;
            answer(&mut a, k, 20);
            let done = a.finish(Timestamp(started.0 + 3_600_000)).map_err(|issues| {
                let first = issues.errors().next().map(|i| i.message.clone()).unwrap_or_default();
                format!("サンプルのアセスメントを完了できません: {first}")
            })?;
            out.push(done);
        }
    }
    Ok(out)
}
