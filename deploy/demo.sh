#!/usr/bin/env bash
# Loads a handful of obviously fictional cases at different stages, through the real calls
# (Connect JSON over HTTP), so the dashboard shows something at once. Dates are relative to
# today. Usage: deploy/demo.sh [CSPR_HOME] [PORT_BASE]
set -euo pipefail
HOME_DIR=${1:-.cspr}
BASE=${2:-7100}
INTAKE="http://127.0.0.1:$((BASE + 1))/cspr.intake.v1.Intake"
token() { awk -v p="$1" '$2 == p { print $1; exit }' "$HOME_DIR/tokens"; }
STAFF=$(token partnership-support)
AGENCY=$(token agency)
day() { date -d "$1 days ago" +%Y-%m-%d; }

call() {  # call URL TOKEN JSON -> prints the reply, fails on an error status
  local reply
  reply=$(curl -sS --fail-with-body -H "authorization: Bearer $2" -H 'content-type: application/json' -d "$3" "$1") || {
    echo "demo: $1 failed: $reply" >&2
    return 1
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
 "safeguardingLeadConsulted": {"name": "Demo Lead", "agencyAndDesignation": "Demo Police, DI"},
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
  {\"agency\":{\"name\":\"Demo Police\",\"kind\":\"police\"},\"contact\":{\"name\":\"Demo DSL\",\"agencyAndDesignation\":\"Demo Police, DSL\"},\"dateSent\":\"$(day 4)\"},
  {\"agency\":{\"name\":\"Demo Health Board\",\"kind\":\"icb\"},\"contact\":{\"name\":\"Demo Nurse\",\"agencyAndDesignation\":\"Demo ICB, Designated Nurse\"},\"dateSent\":\"$(day 1)\"}]}" >/dev/null
call "$INTAKE/RecordScopingReturn" "$AGENCY" "{\"caseReference\":\"$r2\",\"scopingReturn\":{\"agency\":{\"name\":\"Demo Police\",\"kind\":\"police\"},
  \"completedBy\":{\"name\":\"Demo Officer\",\"agencyAndDesignation\":\"Demo Police\"},\"dateCompleted\":\"$(day 1)\",\"dateReceived\":\"$(day 0)\",
  \"knownToAgency\":false}}" >/dev/null
echo "  $r2: scoping requests sent, one return in; handed to the Rapid Review"
# 3. A notification from the local authority with no referral yet, the National Panel told late.
r3=$(call "$INTAKE/RecordNotification" "$STAFF" "{\"notification\":{\"child\":{\"name\":\"Demo Child Charlie\"},
  \"incident\":{\"kind\":\"death\",\"date\":\"$(day 12)\"},\"becameAware\":\"$(day 11)\",\"notifiedNationalPanel\":\"$(day 1)\",
  \"lookedAfterChildDeath\":false,\"notifiedBy\":{\"name\":\"Demo Head of Service\",\"agencyAndDesignation\":\"Demo Council\"}}}" | reference_of)
echo "  $r3: LA notification, National Panel told late (T1), no scoping yet: overdue"
