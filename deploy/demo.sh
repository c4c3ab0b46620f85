#!/usr/bin/env bash
# Loads a handful of obviously fictional cases at different stages, through the real calls
# (Connect JSON over HTTP), so the dashboard shows something at once. Dates are relative to
# today. Usage: deploy/demo.sh [CSPR_HOME]; the services are found where the services find each
# other, CSPR_INTAKE_URL, CSPR_RAPID_REVIEW_URL, CSPR_REVIEW_MANAGEMENT_URL and
# CSPR_PUBLICATION_URL (deploy/local.sh sets them from the binaries), else on their default ports.
set -euo pipefail
HOME_DIR=${1:-.cspr}
address() { local url=${1#http://}; echo "http://${url%/}"; }
INTAKE_ADDRESS=$(address "${CSPR_INTAKE_URL:-127.0.0.1:7101}")
RAPID_ADDRESS=$(address "${CSPR_RAPID_REVIEW_URL:-127.0.0.1:7102}")
REVIEW_ADDRESS=$(address "${CSPR_REVIEW_MANAGEMENT_URL:-127.0.0.1:7103}")
PUBLICATION_ADDRESS=$(address "${CSPR_PUBLICATION_URL:-127.0.0.1:7104}")
INTAKE="$INTAKE_ADDRESS/cspr.intake.v1.Intake"
token() { awk -v p="$1" '$2 == p { print $1; exit }' "$HOME_DIR/tokens"; }
STAFF=$(token partnership-support)
AGENCY=$(token agency)
day() { date -d "$1 days ago" +%Y-%m-%d; }

call() {  # call URL TOKEN JSON -> prints the reply; an error status stops the whole demo
  local reply
  reply=$(curl -sS --fail-with-body -H "authorization: Bearer $2" -H 'content-type: application/json' -d "$3" "$1" 2>/dev/null) || {
    echo "demo: ${1##*/} failed: $reply" >&2
    kill -TERM $$
    exit 1
  }
  echo "$reply"
}

referral() {  # referral CHILD INCIDENT_DAYS_AGO RECEIVED_DAYS_AGO
  cat <<JSON
{"referral": {"dateOfReferral": "$(day "$3")", "dateReceived": "$(day "$3")",
 "child": {"person": {"name": "$1", "dateOfBirth": "2019-01-01"}, "lookedAfter": false,
   "childProtectionPlan": {"answer": false}, "openToChildrensSocialCare": {"answer": false},
   "criminalInvestigation": {"answer": false}, "coronersInquiry": {"answer": false}, "adultSafeguardingConcerns": {"answer": false},
   "incident": {"kind": "seriousHarm", "date": "$(day "$2")"}},
 "referrer": {"name": "Demo Referrer", "agencyAndDesignation": "Demo Primary School, DSL"},
 "safeguardingLeadConsulted": {"name": "Demo Lead", "agencyAndDesignation": "Surrey Police, DI"},
 "familyMembers": [], "agenciesInvolved": [], "caseBackground": "Demonstration case: fictional.",
 "reasonForReferral": "Demonstration case: fictional.", "keyEvents": []}}
JSON
}

reference_of() { sed -n 's/.*"caseReference":"\([^"]*\)".*/\1/p'; }

echo "loading demo cases:"
# 1. Just referred today.
r1=$(call "$INTAKE/SubmitReferral" "$STAFF" "$(referral "Demo Child Alpha" 2 0)" | reference_of)
echo "  $r1: referral received today"
# 2. Referred 3 days ago, scoping requests sent (late), one return in.
r2=$(call "$INTAKE/SubmitReferral" "$STAFF" "$(referral "Demo Child Bravo" 6 5)" | reference_of)
call "$INTAKE/SendScopingRequests" "$STAFF" "{\"caseReference\":\"$r2\",\"requests\":[
  {\"agency\":{\"name\":\"Surrey Police\",\"kind\":\"police\"},\"contact\":{\"name\":\"Demo DSL\",\"agencyAndDesignation\":\"Surrey Police, DSL\"},\"dateSent\":\"$(day 4)\"},
  {\"agency\":{\"name\":\"Demo Health Board\",\"kind\":\"icb\"},\"contact\":{\"name\":\"Demo Nurse\",\"agencyAndDesignation\":\"Demo ICB, Designated Nurse\"},\"dateSent\":\"$(day 1)\"}]}" >/dev/null
call "$INTAKE/RecordScopingReturn" "$AGENCY" "{\"caseReference\":\"$r2\",\"scopingReturn\":{\"agency\":{\"name\":\"Surrey Police\",\"kind\":\"police\"},
  \"completedBy\":{\"name\":\"Demo Officer\",\"agencyAndDesignation\":\"Surrey Police\"},\"dateCompleted\":\"$(day 1)\",\"dateReceived\":\"$(day 0)\",
  \"knownToAgency\":false}}" >/dev/null
echo "  $r2: scoping requests sent, one return in; handed to the Rapid Review"
# 3. A notification from the local authority with no referral yet, the National Panel told late.
r3=$(call "$INTAKE/RecordNotification" "$STAFF" "{\"notification\":{\"child\":{\"name\":\"Demo Child Charlie\"},
  \"incident\":{\"kind\":\"death\",\"date\":\"$(day 12)\"},\"becameAware\":\"$(day 11)\",\"notifiedNationalPanel\":\"$(day 1)\",
  \"lookedAfterChildDeath\":false,\"notifiedBy\":{\"name\":\"Demo Head of Service\",\"agencyAndDesignation\":\"Demo Council\"}}}" | reference_of)
echo "  $r3: LA notification, National Panel told late (T1), no scoping yet: overdue"

# Cases further on need rapid-review (skipped when it is not running).
RAPID="$RAPID_ADDRESS/cspr.rapidreview.v1.RapidReview"
curl -fsS --max-time 2 "$RAPID_ADDRESS/readyz" >/dev/null 2>&1 || { echo "  (rapid-review is not running: no Rapid Review demo cases)"; exit 0; }
PANEL=$(token case-review-panel)
CHAIR=$(token independent-chair)

reviewed_case() {  # reviewed_case CHILD RECOMMENDATION_JSON -> a case taken through a Rapid Review
  local reference
  reference=$(call "$INTAKE/SubmitReferral" "$STAFF" "$(referral "$1" 23 21)" | reference_of)
  call "$INTAKE/SendScopingRequests" "$STAFF" "{\"caseReference\":\"$reference\",\"requests\":[
    {\"agency\":{\"name\":\"Surrey Police\",\"kind\":\"police\"},\"contact\":{\"name\":\"Demo DSL\",\"agencyAndDesignation\":\"Surrey Police, DSL\"},\"dateSent\":\"$(day 20)\"}]}" >/dev/null
  call "$INTAKE/RecordScopingReturn" "$AGENCY" "{\"caseReference\":\"$reference\",\"scopingReturn\":{\"agency\":{\"name\":\"Surrey Police\",\"kind\":\"police\"},
    \"completedBy\":{\"name\":\"Demo Officer\",\"agencyAndDesignation\":\"Surrey Police\"},\"dateCompleted\":\"$(day 17)\",\"dateReceived\":\"$(day 17)\",
    \"knownToAgency\":true,\"involvementSummary\":\"Demonstration: fictional involvement.\"}}" >/dev/null
  # Wait for the hand-over to reach rapid-review.
  for _ in $(seq 100); do
    curl -fsS -H "authorization: Bearer $PANEL" -H 'content-type: application/json' -d "{\"caseReference\":\"$reference\"}" "$RAPID/GetRapidReview" >/dev/null 2>&1 && break
    sleep 0.1
  done
  local meeting; meeting=$(day 10)
  call "$RAPID/ScheduleMeeting" "$PANEL" "{\"caseReference\":\"$reference\",\"date\":\"$meeting\",\"format\":\"faceToFace\",\"reason\":\"demonstration: the date is whatever the demo needs\"}" >/dev/null
  call "$RAPID/RecordMeeting" "$PANEL" "{\"caseReference\":\"$reference\",\"meetingDate\":\"$meeting\",\"format\":\"faceToFace\",
    \"participants\":[{\"name\":\"Demo Head of Service\",\"role\":\"Head of Safeguarding\",\"agency\":\"Surrey County Council\",\"partnerKind\":\"localAuthority\"},
      {\"name\":\"Demo Inspector\",\"role\":\"Detective Inspector\",\"agency\":\"Surrey Police\",\"partnerKind\":\"police\"},
      {\"name\":\"Demo Nurse\",\"role\":\"Designated Nurse\",\"agency\":\"NHS Surrey Heartlands ICB\",\"partnerKind\":\"health\"}],
    \"caseSummary\":\"Demonstration case: fictional.\",\"immediateAction\":{\"allTaken\":true,\"actions\":[],\"details\":\"Demonstration: the sibling is safe with a grandparent.\"},\"criteria\":$3,
    \"discussion\":{\"natureOfHarm\":\"fictional\",\"meetsSeriousHarm\":true,\"keyIssues\":\"fictional\",\"immediateLearning\":\"fictional learning\",
      \"learningSharedBy\":\"partnership briefing\",\"legalAdvice\":{\"answer\":false}}}" >/dev/null
  call "$RAPID/AgreeRecommendation" "$PANEL" "{\"caseReference\":\"$reference\",\"decision\":$2}" >/dev/null
  call "$RAPID/Ratify" "$CHAIR" "{\"caseReference\":\"$reference\"}" >/dev/null
  call "$RAPID/RecordSubmission" "$STAFF" "{\"caseReference\":\"$reference\",\"submittedToNationalPanel\":\"$(day 0)\",
    \"sharedWith\":[{\"agency\":\"Surrey Police\",\"date\":\"$(day 0)\"},{\"agency\":\"Demo Primary School\",\"date\":\"$(day 0)\",\"referrer\":true}]}" >/dev/null
  echo "$reference"
}

r4=$(reviewed_case "Demo Child Delta" '{"recommendation":"localReview","reasons":"Demonstration: fictional reasons."}' '["multiAgencyWorking"]')
echo "  $r4: Rapid Review held and ratified: a local CSPR commissioned"
r5=$(reviewed_case "Demo Child Echo" '{"recommendation":"noFurtherAction","reasons":"Demonstration: fictional reasons.","otherOptionsConsidered":"single-agency audit","whyNoFurtherLearning":"Demonstration: the learning was already acted on."}' '["noneOfTheAbove"]')
echo "  $r5: Rapid Review held and ratified: no further action, case closed"

# A case part-way through its review: the commissioned CSPR's terms of reference drafted and
# agreed (skipped when review-management is not running).
REVIEW="$REVIEW_ADDRESS/cspr.review.v1.ReviewManagement"
curl -fsS --max-time 2 "$REVIEW_ADDRESS/readyz" >/dev/null 2>&1 || { echo "  (review-management is not running: no review demo case)"; exit 0; }
TEAM=$(token review-team)
awaited() {  # awaited URL TOKEN CASE: waits (up to 10 s) for a hand-over to reach the service at URL
  for _ in $(seq 100); do
    curl -fsS -H "authorization: Bearer $2" -H 'content-type: application/json' -d "{\"caseReference\":\"$3\"}" "$1" >/dev/null 2>&1 && return
    sleep 0.1
  done
}
ahead() { date -d "$1 days" +%Y-%m-%d; }
agreed_terms() {  # agreed_terms CASE LEAD_REVIEWER: the terms of reference drafted and agreed
  local tor version
  # Wait for rapid-review's CommissionReview hand-over to reach review-management.
  awaited "$REVIEW/GetReview" "$TEAM" "$1"
  tor=$(call "$REVIEW/DraftTermsOfReference" "$TEAM" "{\"caseReference\":\"$1\",\"termsOfReference\":{
  \"caseSummary\":{\"seriousIncident\":\"Demonstration: a fictional injury at home\",\"family\":\"Demonstration: a fictional mother and sibling\"},
  \"reviewTeam\":{\"leadReviewer\":\"$2\",\"members\":[{\"name\":\"Demo Inspector\",\"organisation\":\"Surrey Police\",\"responsibilities\":\"liaison with the SIO\"}]},
  \"scope\":{\"periodFrom\":\"$(day 400)\",\"periodTo\":\"$(day 23)\",\"periodRationale\":\"Demonstration: from the first contact on\",\"keyLinesOfEnquiry\":[\"Demonstration: information sharing\"]},
  \"familyInvolvement\":{\"plans\":\"Demonstration: the lead reviewer meets the mother\",\"responsibleForContact\":\"$2\"},
  \"methodology\":\"Demonstration: combined chronology and information reports\",
  \"legal\":{\"parallelInvestigations\":\"Demonstration: none\",\"legalAdvice\":\"Demonstration: none at the outset\"},
  \"otherConsiderations\":{\"racial\":\"none identified\",\"cultural\":\"none identified\",\"linguistic\":\"none identified\",\"religious\":\"none identified\"},
  \"timeline\":{\"keyDates\":[{\"milestone\":\"first review team meeting\",\"date\":\"$(ahead 14)\"}],\"presentationToPartners\":\"$(ahead 150)\"}}}")
  version=$(sed -n 's/.*"version":\([0-9][0-9]*\).*/\1/p' <<< "$tor" | tail -1)
  call "$REVIEW/AgreeTermsOfReference" "$PANEL" "{\"caseReference\":\"$1\",\"version\":${version:-1},\"agreedOn\":\"$(day 0)\"}" >/dev/null
}
agreed_terms "$r4" "Demo Lead Reviewer"
echo "  $r4: in review: terms of reference drafted and agreed (T7 running)"


# A review taken to the board's approval, so that publication receives the report: the lead
# reviewer appointed, the report drafted (every section V9 asks for, naming the reviewer and no
# one the stages hold), the terms of reference confirmed met, the recommendation endorsed and
# the report approved, all today (the services refuse dates before the draft).
BOARD=$(token board)
r6=$(reviewed_case "Demo Child Foxtrot" '{"recommendation":"localReview","reasons":"Demonstration: fictional reasons."}' '["multiAgencyWorking"]')
REVIEWER="Robin Makebelieve"
agreed_terms "$r6" "$REVIEWER"
call "$REVIEW/AppointLeadReviewer" "$TEAM" "{\"caseReference\":\"$r6\",\"name\":\"$REVIEWER\",\"organisation\":\"Fictional Reviews Ltd\",
  \"appointedOn\":\"$(day 0)\",\"independence\":\"Demonstration: no role in any agency involved\"}" >/dev/null
call "$REVIEW/SubmitReportDraft" "$TEAM" "{\"caseReference\":\"$r6\",\"sections\":{
  \"executiveSummary\":\"Fictional: a short summary of the review and its learning.\",
  \"whatHappened\":\"Fictional: the child was injured at home.\",\"whyDecisionsWereTaken\":\"Fictional: the threshold was judged not met.\",
  \"howAgenciesWorkedTogether\":\"Fictional: little was shared.\",\"whetherShortcomingsAreGeneral\":\"Fictional: an audit found the same elsewhere.\",
  \"whatMustChange\":\"Fictional: a shared record of concerns.\",\"goodPractice\":\"Fictional: the school nurse escalated.\",
  \"howAgenciesWillLearn\":\"Fictional: briefings and an audit.\",
  \"otherSections\":[{\"title\":\"The reviewer\",\"text\":\"Fictional: this review was led by $REVIEWER.\"}]},
  \"recommendations\":[{\"text\":\"Fictional: share concerns at once\",\"owner\":\"Fictional Partnership\",\"scope\":\"local\",\"dueBy\":\"$(ahead 180)\"}]}" >/dev/null
step="{\"caseReference\":\"$r6\",\"version\":1,\"on\":\"$(day 0)\"}"
call "$REVIEW/ConfirmTermsOfReferenceMet" "$TEAM" "$step" >/dev/null
call "$REVIEW/EndorseRecommendations" "$BOARD" "$step" >/dev/null
call "$REVIEW/ApproveReport" "$BOARD" "$step" >/dev/null
echo "  $r6: report approved by the board (T7 met): handed to publication"

# In publication (skipped when it is not running): the advance copies to the three recipients,
# the anonymisation check (clean) and its sign-off, the publication scheduled for the earliest
# date T9 allows, and an action plan item for the recommendation with one progress update.
# Publishing itself waits: a copy cannot be dated before the approval (P1), which is today, and
# T9 asks for 7 working days after the copies.
PUBLICATION="$PUBLICATION_ADDRESS/cspr.publication.v1.Publication"
curl -fsS --max-time 2 "$PUBLICATION_ADDRESS/readyz" >/dev/null 2>&1 || { echo "  (publication is not running: the report waits in review-management's outbox)"; exit 0; }
COMMS=$(token publication)
# Wait for review-management's PreparePublication hand-over to reach publication.
awaited "$PUBLICATION/GetPublication" "$COMMS" "$r6"
for recipient in nationalPanel ofsted secretaryOfState; do
  copy=$(call "$PUBLICATION/RecordAdvanceCopy" "$COMMS" "{\"caseReference\":\"$r6\",\"recipient\":\"$recipient\",\"reportVersion\":1,\"sentOn\":\"$(day 0)\"}")
done
earliest=$(sed -n 's/.*"earliestPublicationDate":"\([0-9-]*\)".*/\1/p' <<< "$copy")
check=$(call "$PUBLICATION/CheckReportForDisclosure" "$COMMS" "{\"caseReference\":\"$r6\",\"reportVersion\":1}")
case $check in *'"clean":true'*) ;; *) echo "demo: the report of $r6 is not clean: $check" >&2; exit 1 ;; esac
call "$PUBLICATION/SignOffAnonymisation" "$COMMS" "{\"caseReference\":\"$r6\",\"reportVersion\":1,\"signedOffBy\":\"Demo Signer\",
  \"role\":\"Partnership business manager\",\"signedOffOn\":\"$(day 0)\"}" >/dev/null
call "$PUBLICATION/SchedulePublication" "$COMMS" "{\"caseReference\":\"$r6\",\"publicationDate\":\"$earliest\",
  \"address\":\"https://partnership.example/cspr/$r6\"}" >/dev/null
item=$(call "$PUBLICATION/AddActionPlanItem" "$COMMS" "{\"caseReference\":\"$r6\",\"source\":\"recommendation\",\"recommendationNumber\":1,
  \"agreedAction\":\"Demonstration: a shared record of concerns\",\"ownerAgency\":\"Demo Health Board\",\"leadOfficer\":\"Named Nurse for Safeguarding\",
  \"targetDate\":\"$(ahead 90)\"}")
number=$(sed -n 's/.*"item":{[^}]*"number":\([0-9][0-9]*\).*/\1/p' <<< "$item")
call "$PUBLICATION/RecordActionProgress" "$COMMS" "{\"caseReference\":\"$r6\",\"itemNumber\":${number:-1},\"date\":\"$(day 0)\",
  \"text\":\"Demonstration: briefings given to 4 teams\",\"rag\":\"amber\"}" >/dev/null
echo "  $r6: at publication: advance copies sent, checked clean and signed off, scheduled for $earliest (T9); action plan item 1 amber"
