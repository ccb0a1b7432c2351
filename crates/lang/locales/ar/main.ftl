# ردود SMS Up بالعربية. يجب أن يتسع كل رد لرسالة واحدة: 70 حرفاً (UCS-2) لاسم قائمة حتى 24 حرفاً
# واسم عضو حتى 20 حرفاً وأعداد من 3 أرقام؛ الاختبارات تتحقق من ذلك. اكتب باختصار، واذكر اسم
# القائمة مرة واحدة، في أمر مثل «انضم اسم_القائمة». لا تضع التشكيل: كل حركة تُحسب حرفاً.
# Plural forms (CLDR ar): zero (0), one (1), two (2), few (3-10, 103-110...), many (11-99, 111-199...),
# other (100-102, 200...). Select on PLURAL($count), not on $count: the plural library Fluent uses gets
# 103 and 120 wrong (see src/plural.rs).
# Command words are those of keywords.txt; English ones (JOIN...) work too.
# Direction marks (RLM) are added by the program where needed: do not type them here.
# Example phone numbers are written without spaces: in right-to-left text spaced digit groups
# are shown in reverse order.

help = انضم/غادر/أنشئ + اسم القائمة. للنشر: القائمة رسالتك. للإيقاف: توقف
unknown-command = لم أفهم. للنشر ابدأ باسم القائمة ثم رسالتك. للأوامر أرسل: مساعدة
empty = لمعرفة طريقة الاستخدام أرسل: مساعدة

created = أنشئت. للانضمام: انضم { $list }. للنشر: اسمها ثم رسالتك
created-announce = أنشئت (النشر للمشرفين فقط). للانضمام: انضم { $list }
list-taken = الاسم { $list } مستخدم. اختر اسماً آخر.
list-name-invalid = اسم القائمة 2-24 حرفاً أو رقماً بلا مسافات. مثال: أنشئ سكن
list-name-reserved = { $list } كلمة أمر. اختر اسماً آخر.
unknown-list = لا توجد قائمة باسم { $list }. تحقق من الإملاء.
need-list = أضف اسم القائمة، مثلاً: { $command } سكن
announce-usage = لقائمة ينشر فيها المشرفون فقط: أنشئ { $list } إعلان
limit-lists = بلغت حد القوائم الجديدة اليوم ({ $max }). حاول غداً.
limit-invites = بلغت حد الدعوات ({ $max }). حاول لاحقاً.
declined = لن تصلك دعوات أخرى إلى { $list }.
no-invitation = لا توجد دعوة للرد عليها. للأوامر أرسل: مساعدة

joined = انضممت. للنشر: اسمها ثم رسالتك. للخروج: غادر { $list }
already-member = أنت عضو في { $list } مسبقاً.
left = غادرت القائمة. للعودة: انضم { $list }
not-member = لست عضواً فيها. للانضمام: انضم { $list }

post-sent = { PLURAL($count) ->
        [zero] لم تُرسل لأي عضو
        [one] أُرسلت إلى عضو واحد
        [two] أُرسلت إلى عضوين
        [few] أُرسلت إلى { $count } أعضاء
        [many] أُرسلت إلى { $count } عضواً
       *[other] أُرسلت إلى { $count } عضو
    }{ $segments ->
        [1] .
       *[other] ، { $segments } SMS لكل عضو.
    }
post-empty = اكتب رسالتك بعد اسم القائمة: { $list } رسالتك
post-announce-only = النشر في { $list } للمشرفين فقط.
post-too-long = طويلة جداً: { $segments } SMS، والحد { $max }. اختصرها من فضلك.
post-sender-limit = بلغت حد { $max } رسائل في هذه الساعة. حاول لاحقاً.
post-list-limit = بلغت { $list } حد الرسائل اليومي. حاول غداً.

lists = قوائمك: { $lists }
lists-none = لست في أي قائمة. للانضمام أرسل انضم ثم اسم القائمة.

name-set = اسمك في الرسائل الآن { $alias }.
name-invalid = الاسم 1-20 حرفاً، بلا # أو رقم هاتف أو رموز خفية. مثال: اسم أمينة
name-taken = هذا الاسم يشبه اسم عضو آخر. اختر اسماً آخر.

info = { $list }: { PLURAL($count) ->
        [zero] لا أعضاء
        [one] عضو واحد
        [two] عضوان
        [few] { $count } أعضاء
        [many] { $count } عضواً
       *[other] { $count } عضو
    }، { $mode ->
        [announce] للإعلانات فقط
       *[open] مفتوحة
    }. أنت: { $role ->
        [owner] المالك
        [admin] مشرف
        [member] عضو
       *[none] لست عضواً
    }.

invite-sent = أرسلت الدعوة إلى { $list } إن كان الرقم يستقبل الرسائل.
invite = دعوة: انضم { $list } أو لا { $list }
invalid-number = رقم الهاتف غير صحيح. مثال: أضف { $list } 01XXXXXXXX
added-by-org = أُضفت لقائمة. للخروج: غادر { $list }. لإيقاف الكل: توقف

not-admin = هذا لمالك { $list } أو مشرفيها فقط.
not-owner = مالك { $list } وحده يعيّن المشرفين.
member-not-found = { $who } ليس في { $list }. استخدم رقم #.
member-ambiguous = عدة أعضاء باسم { $who }. استخدم رقم # في رسائلهم.
cannot-remove-owner = لا يمكن حذف مالك { $list }.
cannot-remove-admin = مالك { $list } وحده يحذف المشرفين.
admin-is-owner = { $who } هو مالك { $list } أصلاً.
owner-cannot-leave = أنت مالك { $list } فلا يمكنك المغادرة. للإيقاف: توقف
removed = حُذف { $who } من { $list }.
you-were-removed = حُذفت من { $list }.
admin-made = أصبح { $who } مشرفاً على { $list }.
you-are-admin = صرت مشرفاً على { $list }. يمكنك إضافة الأعضاء وحذفهم.

stopped = لن تصلك رسائل من SMS Up بعد الآن. للعودة أرسل: ابدأ
help-stopped = أوقفت كل رسائل SMS Up. لتصلك مجدداً أرسل: ابدأ
started = أهلاً بعودتك. ستصلك الرسائل مجدداً. للأوامر أرسل: مساعدة

lang-set = الردود الآن بالعربية.
lang-choices = أرسل لغة ورمز: ar عربي، fa فارسی، ur اردو، en ms my so ta ps cnh rhg

# Carrier content rules (Malaysia): a post that the networks would block is not relayed.
# Only one SMS (70 characters) in this script: the list name is left out (the sender knows which list
# they wrote to). `{ $list -> *[other] ... }` keeps the message's variables those of English without
# showing the name. Never write a phone number, a link, or the words the networks block (PIN,
# password, IC number...) in these replies: the networks would block the reply too.
carrier-my-phone = { $list ->
   *[other] لم تُرسل: شبكات ماليزيا تحجب أي رسالة فيها رقم هاتف. أرسلها دون الرقم.
}
carrier-my-link = { $list ->
   *[other] لم تُرسل: شبكات ماليزيا تحجب أي رسالة فيها رابط. أرسلها دون الرابط.
}
carrier-my-personal = لم تُرسل: شبكات ماليزيا تحجب أي رسالة تطلب بيانات شخصية. أعد صياغتها.

# FONT: how Burmese is sent to this member ($font is Zawgyi or Unicode, written as is).
font-set = ستصلك البورمية بخط { $font }. للتغيير: الخط ZAWGYI أو الخط UNICODE
font-usage = لاختيار طريقة عرض البورمية في هاتفك: الخط ZAWGYI أو الخط UNICODE

# MOVE: a member's lists go to their new number. No reply ever shows either number.
move-usage = لنقل قوائمك لرقم جديد أرسل من هذا الهاتف: نقل ثم الرقم. سيصله رمز.
move-code-sent = أرسلنا رمزاً إلى رقمك الجديد. أرسل منه خلال 24 ساعة: نقل ثم الرمز
move-request = هل تنقل قوائمك في SMS Up لهذا الرقم؟ أرسل خلال 24 ساعة: نقل { $code }
move-done = تم: قوائمك واسمك ولغتك على هذا الرقم الآن. لرؤيتها أرسل: قوائمي
move-done-old = نقلت قوائمك في SMS Up إلى رقمك الجديد، ولن يصل هذا الرقم منها شيء.
move-bad-code = الرمز خاطئ أو انتهت مدته. أرسل من هاتفك القديم: نقل ثم هذا الرقم
limit-moves = بلغت حد طلبات النقل اليوم ({ $max }). حاول غداً.

# Re-confirmation: a member silent for long whose messages stopped being delivered ($days: days to answer).
reconfirm = للبقاء في SMS Up أرسل: ابدأ. وإلا تعلق عضويتك بعد { PLURAL($days) ->
        [zero] { $days } يوم
        [one] يوم
        [two] يومين
        [few] { $days } أيام
        [many] { $days } يوماً
       *[other] { $days } يوم
    } بلا حذف.

# Safe lists.
created-private = أنشئت قائمة خاصة. للطلب: انضم { $list }
info-private = قائمة خاصة. للطلب: انضم { $list }
join-requested = أرسل طلب { $list } إلى المشرفين.
join-request = { $who } إلى { $list }: وافق { $label }
join-denied = لم يقبل طلبك إلى { $list }.
approved = انضم { $who } إلى { $list }.
denied = لن ينضم { $who } إلى { $list }.
no-request = لا طلب مفتوح من { $who }.
request-which-list = اكتب اسم القائمة: وافق القائمة { $who }
banned = حذف { $label } من { $list } نهائيا.
unbanned = يمكن لـ { $label } الانضمام إلى { $list } مجددا.
owner-only = فقط مالك { $list } يستطيع ذلك.
owner-made = { $who } الآن مالك { $list }.
you-are-owner = أنت الآن مالك { $list }.
need-who = اكتب بعد { $list } اسم العضو أو رقم #.
help-sent = وصلت رسالتك إلى منظمي { $list }. الرد يأتي هنا.
help-request = مساعدة { $code } ({ $list }) أجب/انشر { $code }:
help-limit = بلغت حد الرسائل إلى { $list } هذه الساعة ({ $max }).
list-unattended = لا أحد يرد باسم { $list } الآن. لم تُرسل. حاول لاحقاً.
help-unknown = لا طلب مساعدة { $code }.
reply-empty = اكتب الرد: أجب { $code } النص
help-replied = أرسل ردك على { $code }.
help-shared-head = [{ $list }] طلب مساعدة:
help-shared = نشر { $code } لكل أعضاء { $list }.
outside-off = أغلقت رسائل من خارج { $list }.
outside-on = فتحت رسائل من خارج { $list } مجددا.
outside-usage = خارج { $list } OFF يغلق، ON يفتح.

forget-confirm = لمسح رقمك وكل رسائلك أرسل خلال 10 دقائق: انسني { $code }
forgotten = تم المسح. لن يصلك شيء من SMS Up حتى ترسل ابدأ.
forget-bad-code = الرمز خطأ أو انتهى. أرسل انسني مجددا.

# Private messages between members.
dm-private = (خاص):
dm-sent = أُرسلت إلى { $who } في { $list }.
dm-off = الرسائل الخاصة مغلقة في { $list }.
dm-set-off = أُغلقت الرسائل الخاصة في { $list }.
dm-set-on = فُتحت الرسائل الخاصة في { $list } من جديد.
dm-usage = الخاص { $list } OFF يغلق، ON يفتح.
to-usage = للكتابة بخصوصية: إلى { $list } الاسم الرسالة
limit-dm = بلغت حد الرسائل الخاصة هذه الساعة ({ $max }).
blocked = حُجبت رسائل { $who } الخاصة. للإلغاء: احجب { $label } OFF
unblocked = تصلك رسائل { $who } الخاصة من جديد.
block-not-found = لا يوجد { $who } في قوائمك. استخدم رقم #.
block-which-list = اكتب اسم القائمة: احجب القائمة { $who }

# Closing a list.
delete-confirm = أرسل أغلق { $list } بالرمز { $code } خلال 10 دقائق.
delete-bad-code = الرمز خطأ أو انتهى. أرسل أغلق { $list } من جديد.
list-deleted = أُغلقت { $list } وأُبلغ أعضاؤها. الاسم محجوز 30 يوماً.
list-closed = أغلق المالك { $list }. لن تصلك رسائل منها.

# Held posts.
moderate-on = منشورات أعضاء { $list } تنتظر موافقة مشرف الآن.
moderate-off = أعضاء { $list } ينشرون مباشرة من جديد.
moderate-usage = راجع { $list } ON يوقف المنشورات للموافقة، OFF ينهيه.
post-held = منشورك في { $list } ينتظر موافقة مشرف.
held-post = منشور { $code } في { $list } (وافق/ارفض { $code }):
held-approved = أُرسل المنشور { $code } إلى { $list }.
held-rejected = لم يُرسل المنشور { $code }.
held-unknown = لا يوجد منشور { $code } ينتظر في قوائمك.
post-approved = تمت الموافقة على منشورك في { $list } وأُرسل.
post-rejected = لم تتم الموافقة على منشورك في { $list }.

# مساعدة <أمر>: رسالة واحدة تشرح أمرا واحدا.
usage-help = لشرح أمر: مساعدة ثم الأمر، مثلاً مساعدة انضم
usage-create = أنشئ القائمة: قائمة تملكها. مع خاص: بموافقتك. مع إعلان: المشرفون فقط
usage-announce = أنشئ القائمة إعلان: قائمة ينشر فيها أنت والمشرفون فقط
usage-join = انضم القائمة: للانضمام. للنشر: القائمة رسالتك. للخروج: غادر القائمة
usage-leave = غادر القائمة: لن يصلك منها شيء. لإيقاف الكل: توقف
usage-lists = قوائمي: القوائم التي أنت فيها
usage-name = اسم أمينة: اسمك على رسائلك. لا يرى أحد رقمك
usage-info = معلومات القائمة: عدد الأعضاء ومن ينشر ودورك
usage-add = أضف القائمة الرقم: دعوة شخص (المشرفون). ينضم بالرد انضم القائمة
usage-remove = احذف القائمة الاسم: يخرج عضوا (المشرفون). للمنع الدائم: احظر
usage-admin = مشرف القائمة الاسم: تعيين عضو مشرفا (المالك فقط)
usage-start = ابدأ: تعود إليك الرسائل بعد توقف
usage-lang = لغة والرمز: لغة الردود، مثلاً لغة ar
usage-no = لا القائمة: رفض دعوتها ودعواتها القادمة
usage-private = أنشئ القائمة خاص: ينضم الناس بموافقتك أو موافقة مشرف
usage-approve = وافق #الرقم: قبول طلب انضمام. وافق P12: نشر منشور ينتظر
usage-deny = ارفض #الرقم: رفض طلب انضمام. ارفض P12: المنشور لن يرسل
usage-ban = احظر القائمة الاسم: حذف ومنع دائم. للتراجع: اسمح القائمة #الرقم
usage-unban = اسمح القائمة #الرقم: يعود المحظور قادرا على الانضمام
usage-owner = مالك القائمة الاسم: تسليم القائمة لعضو آخر وتبقى مشرفا
usage-reply = أجب H7 النص: يصل ردك إلى صاحب طلب المساعدة H7
usage-share = انشر H7: نشر نص الطلب H7 لكل الأعضاء دون مرسله
usage-outside = خارج القائمة OFF يغلق رسائل من خارجها، ON يفتح.
usage-forget = انسني: مسح رقمك واسمك وقوائمك ورسائلك نهائيا، برمز تأكيد
usage-to = إلى القائمة الاسم الرسالة: رسالة خاصة لعضو واحد دون أرقام
usage-block = احجب #الرقم: تمنع رسائله الخاصة عنك. للتراجع: احجب #الرقم OFF
usage-dm = الخاص القائمة OFF يغلق الرسائل الخاصة، ON يفتح (المالك)
usage-delete = أغلق القائمة: إغلاق قائمتك نهائيا (المالك)، برمز تأكيد
usage-moderate = راجع القائمة ON يوقف المنشورات للموافقة، OFF ينهيه.

# تنبيه: تنبيه أمني يسبق كل الرسائل.
alert-sent = أرسل التنبيه { $code } إلى { $count } في { $list }.
alert-test-sent = أرسل تنبيه تجريبي (TEST) إلى { $count } في { $list }.
alert-not-allowed = التنبيه لمالك { $list } ومشرفيها ومراسليها فقط.
alert-empty = اكتب التنبيه: تنبيه { $list } رسالتك
alert-limit = أرسلت { $list } هذه الساعة { $max } تنبيهات. انتظر.
reporter-made = صار { $who } يرسل تنبيهات إلى { $list }.
reporter-removed = لم يعد { $who } يرسل تنبيهات إلى { $list }.
you-are-reporter = للخطر الحقيقي فقط: تنبيه { $list } رسالتك
you-are-no-reporter = لم تعد ترسل تنبيهات إلى { $list }.
usage-alert = تنبيه القائمة الرسالة: للجميع فورا. تجربة: تنبيه القائمة TEST نص
usage-reporter = مراسل القائمة الاسم: يسمح لعضو بالتنبيه، ومع OFF يلغيه
correct-sent = أرسل تصحيح { $code } لكل من وصله، وألغي الباقي.
correct-unknown = لا تنبيه { $code } لك لتصحيحه.
correct-empty = اكتب التصحيح: تصحيح { $code } رسالتك
usage-correct = تصحيح A12 الرسالة: تصحيح لكل من وصله التنبيه A12
alert-status = { $code } بعد { $minutes } د: وصل { $delivered } من { $total }، فشل { $failed }، انتهى { $expired }، باق { $waiting }
alert-unknown = لا تنبيه { $code } لك.
usage-status = حالة A12: كم وصل من التنبيه A12
alert-waiting = { $code } إلى { $list } ينتظر OK مشرف آخر خلال { $minutes } د
alert-confirm-ask = التنبيه { $code } إلى { $list } ينتظرك (OK { $code } يرسله):
alert-confirm-self = يرسل { $code } مشرف آخر بكلمة OK، لا مرسله.
alert-confirm-late = انتظر التنبيه { $code } أكثر من { $minutes } د ولم يرسل.
alert-confirmed = تأكد تنبيهك { $code } ووصل إلى { $count } في { $list }.
alert-rule-confirm = كل تنبيه إلى { $list } ينتظر الآن OK مشرف ثان.
alert-rule-direct = التنبيهات إلى { $list } تخرج الآن فورا.
alert-rule-needs-admin = عيّن مشرفا ثانيا في { $list } أولا.
alert-no-confirmer = لا مشرف ثان يؤكد تنبيهات { $list }.
usage-alerts = تنبيهات القائمة CONFIRM: كل تنبيه ينتظر OK مشرف ثان؛ DIRECT: فورا
usage-ok = OK A12 يرسل التنبيه A12 الذي ينتظر موافقتك
checkin-how = رد 1 إن كنت بأمان، 2 إن احتجت مساعدة.
checkin-sent = التفقد { $code } إلى { $count } في { $list }. نتائج { $code }
checkin-safe = شكرا، سجلناك بأمان في { $list }.
checkin-help = { $who } رد 2 (يحتاج مساعدة) على التفقد { $check }.
checkin-results = { $code }: { $safe } بأمان، { $help } يحتاجون مساعدة، { $silent } بلا رد.
checkin-unknown = لا تفقد { $code } في قوائمك.
checkin-empty = اكتب السؤال: تفقد { $list } سؤالك
checkin-not-allowed = التفقد لمالك { $list } ومشرفيها فقط.
checkin-limit = { $list } أرسلت { $max } تنبيهات وتفقدات هذه الساعة.
usage-check = تفقد القائمة سؤال: يرد كل عضو 1 إن كان بأمان، 2 للمساعدة
usage-results = نتائج C3: ردود التفقد C3
