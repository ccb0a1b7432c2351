# NEEDS REVIEW BY A NATIVE SPEAKER: written without one. A reviewer should check that every reply
# says what the English one says in plain, polite Tamil that a person with little schooling reads at
# once (the -வும் request forms: அனுப்பவும், எழுதவும்; not too literary), that the command words of
# keywords.txt (சேர், விலகு, அமை, நிறுத்து...) are words people really type, and that the phrase that
# tells how to stop everything starts with the stop word நிறுத்து. See locales/README.md.
# SMS Up பதில்கள் தமிழில். ஒவ்வொரு பதிலும் ஒரே SMS-இல் அடங்க வேண்டும்: 70 எழுத்து (UCS-2),
# 24 எழுத்து குழுப்பெயர், 20 எழுத்து உறுப்பினர் பெயர், 3 இலக்க எண்களுடன்; சோதனைகள் இதைச்
# சரிபார்க்கின்றன. சுருக்கமாக எழுதவும்; குழுப்பெயரை ஒரு முறை மட்டும், «சேர் குழுப்பெயர்» போன்ற
# கட்டளையில் எழுதவும்.
# Tamil letters cost one UCS-2 unit each, vowel signs and the pulli (்) included: a reply is much
# longer in units than it looks. "List" is குழு (group) here, as in ur/fa; members are counted with
# பேர் ("persons"), which is shorter than உறுப்பினர்கள்.
# Plural forms (CLDR ta): one, other.
# Command words are those of keywords.txt; English ones (JOIN...) work too.

help = சேர்/விலகு/அமை + குழுப்பெயர். அனுப்ப: குழு செய்தி. நிறுத்த: நிறுத்து
unknown-command = புரியவில்லை. அனுப்ப, முதலில் குழுப்பெயர் எழுதவும். உதவிக்கு: உதவி
empty = SMS Up பயன்படுத்தும் முறை அறிய அனுப்பவும்: உதவி

created = குழு உருவானது. சேர: சேர் { $list }. அனுப்ப: குழு செய்தி
created-announce = உருவானது; நிர்வாகிகளே அனுப்பலாம். சேர: சேர் { $list }
list-taken = { $list } ஏற்கனவே உள்ளது. வேறு பெயர் வைக்கவும்.
list-name-invalid = குழுப்பெயர்: 2-24 எழுத்து/எண், இடைவெளி இல்லை. உதாரணம்: அமை வீடு
list-name-reserved = { $list } ஒரு கட்டளைச் சொல். வேறு பெயர் வைக்கவும்.
unknown-list = { $list } என்ற குழு இல்லை. எழுத்தைச் சரிபார்க்கவும்.
need-list = குழுப்பெயரையும் எழுதவும், உதாரணம்: { $command } வீடு
announce-usage = நிர்வாகி மட்டும் அனுப்ப: அமை { $list } அறிவிப்பு
limit-lists = இன்று { $max } குழுக்கள் உருவாக்கினீர்கள். நாளை மீண்டும் முயலவும்.
limit-invites = சமீபத்தில் { $max } அழைப்புகள் அனுப்பினீர்கள். பிறகு மீண்டும் முயலவும்.
declined = இனி { $list } அழைப்புகள் உங்களுக்கு வராது.
no-invitation = பதில் சொல்ல அழைப்பு எதுவும் இல்லை. உதவிக்கு: உதவி

joined = நல்வரவு! அனுப்ப: குழு செய்தி. விலக: விலகு { $list }
already-member = நீங்கள் ஏற்கனவே { $list } குழுவில் உள்ளீர்கள்.
left = விலகினீர்கள். மீண்டும் சேர: சேர் { $list }
not-member = நீங்கள் இந்தக் குழுவில் இல்லை. சேர: சேர் { $list }

post-sent = { $count ->
        [one] 1 நபருக்கு
       *[other] { $count } பேருக்கு
    } அனுப்பப்பட்டது{ $segments ->
        [1] .
       *[other] , தலா { $segments } SMS.
    }
post-empty = குழுப்பெயருக்குப் பின் எழுதவும்: { $list } செய்தி
post-announce-only = { $list } குழுவில் நிர்வாகிகள் மட்டுமே அனுப்பலாம்.
post-too-long = மிக நீளம்: { $segments } SMS. அதிகபட்சம் { $max }. சுருக்கி அனுப்பவும்.
post-sender-limit = இந்த மணிநேரத்தில் { $max } செய்திகள் அனுப்பிவிட்டீர்கள். பிறகு முயலவும்.
post-list-limit = { $list } இன்றைய SMS அளவை எட்டியது. நாளை முயலவும்.

lists = உங்கள் குழுக்கள்: { $lists }
lists-none = நீங்கள் எந்தக் குழுவிலும் இல்லை. சேர: சேர் குழுப்பெயர்

name-set = செய்திகளில் உங்கள் பெயர் இனி { $alias }.
name-invalid = பெயர் 1-20 எழுத்து, # அல்லது போன் எண் இல்லாமல். உதாரணம்: பெயர் அமினா
name-taken = அந்தப் பெயர் வேறு ஒருவரின் பெயர் போல் உள்ளது. வேறு பெயர் வைக்கவும்.

info = { $list }: { $count ->
        [one] 1 நபர்
       *[other] { $count } பேர்
    }, { $mode ->
        [announce] அறிவிப்பு
       *[open] பொது
    }. நீங்கள்: { $role ->
        [owner] உரிமையாளர்
        [admin] நிர்வாகி
        [member] உறுப்பினர்
       *[none] உறுப்பினரல்ல
    }.

invite-sent = { $list } அழைப்பு சென்றது (அந்த எண்ணில் SMS வந்தால்).
invite = அழைப்பு: சேர் { $list } / மறு { $list }
invalid-number = போன் எண் சரியில்லை. உதாரணம்: அழை { $list } 01X XXX XXXX
added-by-org = உங்களை இணைத்தனர். விலகு { $list }. நிறுத்த: நிறுத்து

not-admin = { $list } உரிமையாளர்/நிர்வாகி மட்டுமே இதைச் செய்யலாம்.
not-owner = { $list } உரிமையாளர் மட்டுமே நிர்வாகியை நியமிக்கலாம்.
member-not-found = { $list }: { $who } இல்லை. # எண் எழுதவும்.
member-ambiguous = { $who } என்ற பெயரில் பலர். அவர்களின் # எண்ணை எழுதவும்.
cannot-remove-owner = { $list } உரிமையாளரை நீக்க முடியாது.
cannot-remove-admin = { $list } உரிமையாளர் மட்டுமே நிர்வாகியை நீக்கலாம்.
admin-is-owner = { $who } ஏற்கனவே { $list } உரிமையாளர்.
owner-cannot-leave = { $list } உரிமையாளர் விலக முடியாது. நிறுத்த: நிறுத்து
removed = { $list }: { $who } நீக்கப்பட்டார்.
you-were-removed = நீங்கள் { $list } குழுவிலிருந்து நீக்கப்பட்டீர்கள்.
admin-made = { $who } இப்போது { $list } நிர்வாகி.
you-are-admin = நீங்கள் இனி { $list } நிர்வாகி. அழைக்கலாம், நீக்கலாம்.

stopped = இனி SMS Up-இலிருந்து SMS வராது. மீண்டும் பெற அனுப்பவும்: தொடங்கு
help-stopped = SMS Up SMS-ஐ நிறுத்தியுள்ளீர்கள். மீண்டும் பெற அனுப்பவும்: தொடங்கு
started = மீண்டும் நல்வரவு. இனி SMS வரும். உதவிக்கு: உதவி

lang-set = பதில்கள் இனி தமிழ் மொழியில் வரும்.
lang-choices = மொழி + குறியீடு அனுப்பவும்: ta தமிழ், en ms my fa ar so ur ps cnh rhg

# Carrier content rules (Malaysia): a post that the networks would block is not relayed.
# Only one SMS (70 characters) in this script: the list name is left out (the sender knows which list
# they wrote to). `{ $list -> *[other] ... }` keeps the message's variables those of English without
# showing the name. Never write a phone number, a link, or the words the networks block (PIN,
# password, IC number...) in these replies: the networks would block the reply too.
carrier-my-phone = { $list ->
   *[other] அனுப்பவில்லை: மலேசியாவில் போன் எண் உள்ள SMS தடை. எண் இன்றி அனுப்பவும்.
}
carrier-my-link = { $list ->
   *[other] அனுப்பவில்லை: மலேசியாவில் லிங்க் உள்ள SMS தடை. லிங்க் நீக்கவும்.
}
carrier-my-personal = அனுப்பவில்லை: மலேசியாவில் சொந்த விவரம் கேட்கும் SMS தடை. மாற்றவும்.

# FONT: how Burmese is sent to this member ($font is Zawgyi or Unicode, written as is).
font-set = பர்மிய எழுத்து: { $font }. மாற்ற: எழுத்துரு ZAWGYI / எழுத்துரு UNICODE
font-usage = போனில் பர்மிய எழுத்து தெரிய: எழுத்துரு ZAWGYI / எழுத்துரு UNICODE

# MOVE: a member's lists go to their new number. No reply ever shows either number.
move-usage = இந்த போனிலிருந்து: எண்மாற்று புதிய எண். அங்கே குறியீடு வரும்.
move-code-sent = புது போனில் குறியீடு வரும். அங்கு 24 மணிக்குள்: எண்மாற்று குறியீடு
move-request = குழுக்களை இந்த எண்ணுக்கு மாற்றவா? 24 மணிக்குள்: எண்மாற்று { $code }
move-done = முடிந்தது: குழு, பெயர், மொழி இப்போது இந்த எண்ணில். பார்க்க: குழுக்கள்
move-done-old = உங்கள் SMS Up குழுக்கள் புதிய எண்ணுக்குச் சென்றன. இங்கு இனி வராது.
move-bad-code = குறியீடு தவறு/காலாவதி. பழைய போனிலிருந்து மீண்டும்: எண்மாற்று இந்த எண்
limit-moves = இன்று { $max } முறை மாற்றக் கேட்டீர்கள். நாளை மீண்டும் முயலவும்.

# Re-confirmation: a member silent for long whose messages stopped being delivered ($days: days to answer).
reconfirm = SMS Up தொடர: தொடங்கு. இல்லையேல் { $days ->
    [one] 1 நாளில்
   *[other] { $days } நாளில்
} இடைநிறுத்தம் (நீக்கமில்லை).

# Safe lists.
created-private = தனிக் குழு உருவானது. கோர: சேர் { $list }
info-private = இது தனிக் குழு. கோர: சேர் { $list }
join-requested = { $list } கோரிக்கை நிர்வாகிகளுக்கு அனுப்பப்பட்டது.
join-request = { $list } இல் { $who }: ஒப்புதல் { $label }
join-denied = { $list } கோரிக்கை ஏற்கப்படவில்லை.
approved = { $who } இப்போது { $list } இல் சேர்ந்தார்.
denied = { $who } இனி { $list } இல் சேரமாட்டார்.
no-request = { $who } இடமிருந்து கோரிக்கை இல்லை.
request-which-list = குழு பெயர் சேர்க்கவும்: ஒப்புதல் குழு { $who }
banned = { $label } { $list } இலிருந்து நிரந்தரமாக நீக்கப்பட்டார்.
unbanned = { $label } மீண்டும் { $list } சேரலாம்.
owner-only = { $list } உரிமையாளர் மட்டுமே இதைச் செய்யலாம்.
owner-made = { $who } இப்போது { $list } உரிமையாளர்.
you-are-owner = நீங்கள் இப்போது { $list } உரிமையாளர்.
need-who = { $list } பின் உறுப்பினர் பெயர் அல்லது # எழுதவும்.
help-sent = { $list } நிர்வாகிகளுக்கு அனுப்பியது. பதில் இங்கு.
help-request = உதவி { $code } ({ $list }) பதில்/பகிர் { $code }:
help-limit = இந்த மணி { $list } வரம்பு ({ $max }) முடிந்தது.
list-unattended = { $list } பதில் தர யாரும் இல்லை. பின்னர் அனுப்பவும்.
help-unknown = உதவி கோரிக்கை { $code } இல்லை.
reply-empty = பதில் எழுதவும்: பதில் { $code } உரை
help-replied = { $code } பதில் அனுப்பப்பட்டது.
help-shared-head = [{ $list }] உதவி கோரிக்கை:
help-shared = { $code } { $list } அனைவருக்கும் அனுப்பியது.
outside-off = { $list } வெளியிலிருந்து செய்திகள் மூடப்பட்டன.
outside-on = { $list } வெளியிலிருந்து செய்திகள் மீண்டும் திறந்தன.
outside-usage = வெளியே { $list } OFF மூடும், ON திறக்கும்.

forget-confirm = எண், செய்திகள் அனைத்தும் அழிக்க 10 நிமிடத்தில் அனுப்பவும்: அழி { $code }
forgotten = அழிக்கப்பட்டது. தொடங்கு அனுப்பும் வரை எதுவும் வராது.
forget-bad-code = குறியீடு தவறு அல்லது காலாவதி. மீண்டும் அழி அனுப்பவும்.

# Private messages between members.
dm-private = (தனி):
dm-sent = { $who } க்கு { $list } இல் அனுப்பியது.
dm-off = { $list } இல் தனிச்செய்திகள் மூடப்பட்டுள்ளன.
dm-set-off = { $list } இல் தனிச்செய்திகள் மூடப்பட்டன.
dm-set-on = { $list } இல் தனிச்செய்திகள் மீண்டும் திறந்தன.
dm-usage = நேரடி { $list } OFF மூடும், ON திறக்கும்.
to-usage = தனியாக எழுத: தனிச்செய்தி { $list } பெயர் செய்தி
limit-dm = இந்த மணி { $max } தனிச்செய்திகள் முடிந்தது. காத்திருக்கவும்.
blocked = { $who } தடுக்கப்பட்டார். நீக்க: தடு { $label } OFF
unblocked = { $who } தனிச்செய்திகள் மீண்டும் வரும்.
block-not-found = { $who } உங்கள் குழுக்களில் இல்லை. # எண் எழுதவும்.
block-which-list = குழு பெயர் சேர்க்கவும்: தடு குழு { $who }

# Closing a list.
delete-confirm = மூட 10 நிமிடத்தில் அனுப்பவும்: மூடு { $list } { $code }
delete-bad-code = குறியீடு தவறு. மீண்டும்: மூடு { $list }
list-deleted = { $list } மூடப்பட்டது. உறுப்பினர்கள் அறிவர்.
list-closed = { $list } உரிமையாளரால் மூடப்பட்டது. இனி செய்தி வராது.

# Held posts.
moderate-on = { $list } செய்திகள் ஒப்புதலுக்கு காத்திருக்கும்.
moderate-off = { $list } இல் நேரடியாக மீண்டும் அனுப்பலாம்.
moderate-usage = சரிபார் { $list } ON நிறுத்தும், OFF முடிக்கும்.
post-held = { $list } செய்தி ஒப்புதலுக்கு காத்திருக்கிறது.
held-post = செய்தி { $code } { $list } (ஒப்புதல்/நிராகரி { $code }):
held-approved = { $code } { $list } க்கு அனுப்பப்பட்டது.
held-rejected = { $code } அனுப்பப்படவில்லை.
held-unknown = { $code } எனும் காத்திருக்கும் செய்தி இல்லை.
post-approved = { $list } செய்தி ஒப்புதல் பெற்று அனுப்பப்பட்டது.
post-rejected = { $list } செய்தி ஒப்புதல் பெறவில்லை.

# உதவி <கட்டளை>: ஒரு கட்டளையை விளக்கும் ஒரு SMS.
usage-help = விளக்கம்: உதவி + கட்டளை, உ.தா. உதவி சேர்
usage-create = அமை குழு: உங்கள் குழு. தனிப்பட்ட / அறிவிப்பு சேர்க்கலாம்
usage-announce = அமை குழு அறிவிப்பு: நீங்களும் நிர்வாகியும் மட்டும் அனுப்பும் குழு
usage-join = சேர் குழு: குழுவில் சேர. அனுப்ப: குழு செய்தி. விலக: விலகு குழு
usage-leave = விலகு குழு: அக்குழுவிலிருந்து இனி எதுவும் வராது. நிறுத்த: நிறுத்து
usage-lists = குழுக்கள்: நீங்கள் உள்ள குழுக்கள்
usage-name = பெயர் அமுதா: செய்திகளில் உங்கள் பெயர். எண் யாருக்கும் தெரியாது
usage-info = விவரம் குழு: உறுப்பினர் எண்ணிக்கை, யார் அனுப்பலாம், உங்கள் பங்கு
usage-add = அழை குழு எண்: ஒருவரை அழைக்க (நிர்வாகி). அவர்: சேர் குழு
usage-remove = நீக்கு குழு பெயர்: உறுப்பினரை நீக்க (நிர்வாகி). நிரந்தரமாக: தடை
usage-admin = நிர்வாகி குழு பெயர்: உறுப்பினரை நிர்வாகி ஆக்க (உரிமையாளர்)
usage-start = தொடங்கு: மீண்டும் SMS பெற (நிறுத்து அனுப்பிய பின்)
usage-lang = மொழி குறியீடு: பதில்களின் மொழி, உ.தா. மொழி ta
usage-no = மறு குழு: அக்குழுவின் அழைப்பை மறுக்க
usage-private = அமை குழு தனிப்பட்ட: ஒப்புதல் பெற்றவர் மட்டும் சேரலாம்
usage-approve = ஒப்புதல் #எண்: சேர அனுமதி. ஒப்புதல் P12: செய்தியை அனுப்பு
usage-deny = நிராகரி #எண்: சேர மறுப்பு. நிராகரி P12: செய்தி அனுப்பப்படாது
usage-ban = தடை குழு பெயர்: நிரந்தரமாக நீக்கு. மீட்க: தடைநீக்கு குழு #எண்
usage-unban = தடைநீக்கு குழு #எண்: தடை செய்யப்பட்டவர் மீண்டும் சேரலாம்
usage-owner = உரிமையாளர் குழு பெயர்: குழுவை வேறொருவருக்கு தர
usage-reply = பதில் H7 செய்தி: வெளியிலிருந்து உதவி கேட்டவருக்கு பதில்
usage-share = பகிர் H7: உதவி கோரிக்கை H7 அனைவருக்கும், அனுப்பியவர் இன்றி
usage-outside = வெளியே குழு OFF மூடும், ON திறக்கும் (வெளியாரின் செய்தி)
usage-forget = அழி: உங்கள் எண், பெயர், குழுக்கள், செய்திகள் நிரந்தரமாக அழியும்
usage-to = தனிச்செய்தி குழு பெயர் செய்தி: ஒருவருக்கு மட்டும், எண் இன்றி
usage-block = தடு #எண்: அவரது தனிச்செய்திகள் வராது. மீட்க: தடு #எண் OFF
usage-dm = நேரடி குழு OFF மூடும், ON திறக்கும் (உரிமையாளர்)
usage-delete = மூடு குழு: குழுவை நிரந்தரமாக மூட (உரிமையாளர்). குறியீடு வரும்
usage-moderate = சரிபார் குழு ON செய்திகளை நிறுத்தும், OFF முடிக்கும்.

# எச்சரிக்கை: பாதுகாப்பு எச்சரிக்கை, எல்லாவற்றுக்கும் முன்.
alert-sent = { $list }: { $code } எச்சரிக்கை { $count } பேருக்கு.
alert-test-sent = { $list }: { $count } பேருக்கு TEST எச்சரிக்கை அனுப்பப்பட்டது.
alert-not-allowed = { $list } உரிமையாளர், நிர்வாகி, நிருபர் மட்டும்.
alert-empty = அனுப்ப: எச்சரிக்கை { $list } செய்தி
alert-limit = { $list } இந்த மணியில் { $max } எச்சரிக்கை அனுப்பியது.
reporter-made = { $who } க்கு { $list } எச்சரிக்கை அனுமதி.
reporter-removed = { $who } க்கு { $list } எச்சரிக்கை தடை.
you-are-reporter = உண்மை ஆபத்துக்கு மட்டும்: எச்சரிக்கை { $list } செய்தி
you-are-no-reporter = இனி { $list } எச்சரிக்கை அனுப்ப முடியாது.
usage-alert = எச்சரிக்கை குழு செய்தி: அனைவருக்கும் உடனே (நிர்வாகி, நிருபர்)
usage-reporter = நிருபர் குழு பெயர்: எச்சரிக்கை அனுமதி; OFF நீக்கும்
correct-sent = { $code } திருத்தம் அனைவருக்கும் அனுப்பப்பட்டது.
correct-unknown = திருத்த உங்கள் எச்சரிக்கை { $code } இல்லை.
correct-empty = அனுப்ப: திருத்து { $code } செய்தி
usage-correct = திருத்து A12 செய்தி: A12 பெற்றவர்களுக்கு திருத்தம்
alert-status = { $code } { $minutes } நி: { $total } இல் { $delivered } சேர்ந்தது, { $failed } இல்லை, { $expired } காலம், { $waiting } வழி
alert-unknown = உங்கள் எச்சரிக்கை { $code } இல்லை.
usage-status = நிலை A12: எச்சரிக்கை A12 எவ்வளவு சேர்ந்தது
alert-waiting = { $list }: { $code } வேறு நிர்வாகி OK காக்கும், { $minutes } நிமி
alert-confirm-ask = { $list }: { $code } உங்கள் OK காக்கும் (OK { $code }):
alert-confirm-self = { $code } வேறு நிர்வாகி OK மூலம் அனுப்ப வேண்டும்.
alert-confirm-late = { $code } { $minutes } நிமி மேல் காத்து அனுப்பப்படவில்லை.
alert-confirmed = உங்கள் { $code } உறுதி, { $list }: { $count } பேருக்கு.
alert-rule-confirm = { $list }: இனி இரண்டாம் நிர்வாகி OK தேவை.
alert-rule-direct = { $list }: எச்சரிக்கைகள் உடனே செல்லும்.
alert-rule-needs-admin = முதலில் { $list } இரண்டாம் நிர்வாகியை நியமி.
alert-no-confirmer = { $list } உறுதிசெய்ய இரண்டாம் நிர்வாகி இல்லை.
usage-alerts = எச்சரிக்கைகள் குழு CONFIRM: இரண்டாம் நிர்வாகி OK; DIRECT: உடனே
usage-ok = OK A12: உங்கள் OK காக்கும் A12 அனுப்பும்
checkin-how = பாதுகாப்பாக இருந்தால் 1, உதவி வேண்டுமெனில் 2 அனுப்பவும்.
checkin-sent = { $list }: { $code } {$count} பேருக்கு. முடிவுகள் { $code }
checkin-safe = நன்றி, { $list } குழுவில் பாதுகாப்பாக உள்ளீர்.
checkin-help = { $who }: { $check } க்கு 2 (உதவி வேண்டும்).
checkin-results = { $code }: { $safe } பாதுகாப்பு, { $help } உதவி, { $silent } பதிலில்லை.
checkin-unknown = உங்கள் குழுக்களில் { $code } இல்லை.
checkin-empty = அனுப்ப: விசாரி { $list } கேள்வி
checkin-not-allowed = { $list } உரிமையாளர், நிர்வாகி மட்டும்.
checkin-limit = { $list } இந்த மணிநேரம் { $max } அனுப்பியது.
usage-check = விசாரி குழு கேள்வி: 1 பாதுகாப்பு, 2 உதவி
usage-results = முடிவுகள் C3: C3 பதில்கள்
