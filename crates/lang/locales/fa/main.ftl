# پاسخ‌های SMS Up به فارسی (برای دری هم). هر پاسخ باید در یک پیامک جا شود: ۷۰ نویسه (UCS-2)
# با نام گروه تا ۲۴ حرف، نام عضو تا ۲۰ حرف و عددهای ۳ رقمی؛ آزمون‌ها این را بررسی می‌کنند.
# کوتاه بنویسید: نام گروه را یک بار بیاورید، در دستوری مثل «عضویت نام‌گروه».
# Farsi nouns stay singular after a number ("120 عضو"), so no plural variants are needed.
# Command words are those of keywords.txt; English ones (JOIN...) work too.
# Direction marks (RLM) are added by the program where needed: do not type them here.
# Example phone numbers are written without spaces: in right-to-left text spaced digit groups
# are shown in reverse order.

help = عضویت گروه، ترک گروه، بساز گروه. ارسال: گروه متن. قطع همه: توقف
unknown-command = متوجه نشدم. برای ارسال، اول نام گروه را بنویسید. راهنما: کمک
empty = برای دیدن راهنما بنویسید: کمک

created = گروه ساخته شد. پیوستن: عضویت { $list }. ارسال: گروه متن
created-announce = ساخته شد؛ فقط مدیران می‌فرستند. پیوستن: عضویت { $list }
list-taken = { $list } گرفته شده است. نام دیگری انتخاب کنید.
list-name-invalid = نام گروه ۲ تا ۲۴ حرف یا رقم است، بدون فاصله. مثال: بساز خانه
list-name-reserved = { $list } کلمهٔ فرمان است. نام دیگری انتخاب کنید.
unknown-list = گروهی به نام { $list } نیست. املا را بررسی کنید.
need-list = نام گروه را هم بنویسید، مثلاً: { $command } خانه
announce-usage = گروهی که فقط مدیران می‌فرستند: بساز { $list } اعلان
limit-lists = امروز { $max } گروه ساختید. لطفاً فردا دوباره امتحان کنید.
limit-invites = اخیراً { $max } دعوت فرستادید. لطفاً بعداً دوباره امتحان کنید.
declined = دیگر دعوتی به { $list } نمی‌گیرید.
no-invitation = دعوتی برای پاسخ دادن ندارید. راهنما: کمک

joined = به گروه پیوستید. ارسال: گروه متن. خروج: ترک { $list }
already-member = شما از قبل عضو { $list } هستید.
left = از گروه خارج شدید. بازگشت: عضویت { $list }
not-member = عضو این گروه نیستید. پیوستن: عضویت { $list }

post-sent = { $segments ->
    [1] به { $count } عضو فرستاده شد.
   *[other] به { $count } عضو فرستاده شد، هر کدام { $segments } پیامک.
}
post-empty = متن را بعد از نام گروه بنویسید: { $list } متن
post-announce-only = فقط مدیران می‌توانند به { $list } پیام بفرستند.
post-too-long = خیلی طولانی: { $segments } پیامک. حداکثر { $max } است. کوتاهش کنید.
post-sender-limit = به سقف { $max } پیام در این ساعت رسیدید. بعداً دوباره بفرستید.
post-list-limit = { $list } به سقف پیامک امروز رسید. فردا بفرستید.

lists = گروه‌های شما: { $lists }
lists-none = عضو هیچ گروهی نیستید. پیوستن: عضویت نام‌گروه

name-set = نام شما در پیام‌ها اکنون { $alias } است.
name-invalid = نام ۱ تا ۲۰ حرف، بدون # و شمارهٔ تلفن و نشانهٔ نامرئی. مثال: نام مریم
name-taken = این نام شبیه نام عضو دیگری است. نام دیگری انتخاب کنید.

info = { $list }: { $count } عضو، { $mode ->
        [announce] فقط اعلان
       *[open] باز
    }. شما: { $role ->
        [owner] مالک
        [admin] مدیر
        [member] عضو
       *[none] غیرعضو
    }.

invite-sent = دعوت به { $list } فرستاده شد، اگر آن شماره پیامک بگیرد.
invite = دعوت: عضویت { $list } یا نه { $list }
invalid-number = شمارهٔ تلفن درست نیست. مثال: دعوت { $list } 01XXXXXXXX
added-by-org = به گروه اضافه شدید. خروج: ترک { $list }. قطع همه: توقف

not-admin = فقط مالک یا مدیران { $list } این کار را می‌توانند.
not-owner = فقط مالک { $list } می‌تواند مدیر تعیین کند.
member-not-found = { $who } در { $list } نیست. با # بنویسید.
member-ambiguous = چند عضو به نام { $who } هست. # روی پیامشان را بنویسید.
cannot-remove-owner = مالک { $list } را نمی‌توان حذف کرد.
cannot-remove-admin = فقط مالک { $list } می‌تواند مدیر را حذف کند.
admin-is-owner = { $who } از قبل مالک { $list } است.
owner-cannot-leave = مالک { $list } هستید؛ خروج ممکن نیست. قطع همه: توقف
removed = { $who } از { $list } حذف شد.
you-were-removed = شما از { $list } حذف شدید.
admin-made = { $who } اکنون مدیر { $list } است.
you-are-admin = مدیر { $list } شدید و می‌توانید دعوت و حذف کنید.

stopped = دیگر پیامکی از SMS Up نمی‌گیرید. برای بازگشت بنویسید: شروع
help-stopped = پیامک‌های SMS Up را قطع کرده‌اید. برای بازگشت بنویسید: شروع
started = خوش برگشتید. دوباره پیامک می‌گیرید. راهنما: کمک

lang-set = پاسخ‌ها از این پس به فارسی است.
lang-choices = بنویسید زبان و کد: fa فارسی، ar عربی، en ms my so ur ta ps cnh rhg

# Carrier content rules (Malaysia): a post that the networks would block is not relayed.
# Only one SMS (70 characters) in this script: the list name is left out (the sender knows which list
# they wrote to). `{ $list -> *[other] ... }` keeps the message's variables those of English without
# showing the name. Never write a phone number, a link, or the words the networks block (PIN,
# password, IC number...) in these replies: the networks would block the reply too.
carrier-my-phone = { $list ->
   *[other] ارسال نشد: در مالزی پیامک با شماره تلفن مسدود است. بدون شماره بفرستید.
}
carrier-my-link = { $list ->
   *[other] ارسال نشد: در مالزی پیامک با لینک مسدود است. بدون لینک بفرستید.
}
carrier-my-personal = ارسال نشد: در مالزی پیامک درخواست اطلاعات شخصی مسدود است. تغییرش دهید.

# FONT: how Burmese is sent to this member ($font is Zawgyi or Unicode, written as is).
font-set = متن برمه‌ای با { $font } می‌آید. تغییر: فونت ZAWGYI یا فونت UNICODE
font-usage = برای انتخاب نمایش برمه‌ای در گوشی‌تان: فونت ZAWGYI یا فونت UNICODE

# MOVE: a member's lists go to their new number. No reply ever shows either number.
move-usage = از این گوشی بفرستید: انتقال و شماره جدید. گوشی جدید کد می‌گیرد.
move-code-sent = کد به شماره جدید رفت. تا ۲۴ ساعت از گوشی جدید بفرستید: انتقال و کد
move-request = گروه‌های SMS Up به این شماره بیاید؟ تا ۲۴ ساعت بفرستید: انتقال { $code }
move-done = انجام شد: گروه‌ها، نام و زبان شما به این شماره آمد. دیدن: لیست‌ها
move-done-old = گروه‌های SMS Up به شماره جدیدتان رفت. پیامشان دیگر اینجا نمی‌آید.
move-bad-code = کد غلط یا منقضی است. از گوشی قبلی دوباره بفرستید: انتقال و این شماره
limit-moves = امروز { $max } بار انتقال خواستید. لطفاً فردا دوباره امتحان کنید.

# Re-confirmation: a member silent for long whose messages stopped being delivered ($days: days to answer).
reconfirm = ادامهٔ SMS Up: شروع. وگرنه { $days } روز بعد معلق می‌شوید، نه حذف.

# Safe lists.
created-private = گروه خصوصی ساخته شد. پیوستن: عضویت { $list }
info-private = گروه خصوصی است. درخواست: عضویت { $list }
join-requested = درخواست { $list } به مدیران رفت.
join-request = { $who } در { $list }: تایید/رد { $label }
join-denied = درخواست شما برای { $list } پذیرفته نشد.
approved = { $who } به { $list } پیوست.
denied = { $who } به { $list } نمی‌پیوندد.
no-request = درخواستی از { $who } نیست.
request-which-list = نام گروه را بنویسید: تایید گروه { $who }
banned = { $label } از { $list } برای همیشه حذف شد.
unbanned = { $label } دوباره می‌تواند به { $list } بپیوندد.
owner-only = فقط مالک { $list } این کار را می‌تواند.
owner-made = { $who } اکنون مالک { $list } است.
you-are-owner = اکنون مالک { $list } هستید.
need-who = پس از { $list } نام یا شماره # عضو را بنویسید.
help-sent = پیام به مدیران { $list } رفت. پاسخ همین‌جا می‌آید.
help-request = کمک { $code } ({ $list }) پاسخ/انتشار { $code }:
help-limit = سقف پیام به { $list } در این ساعت ({ $max }) پر شد.
list-unattended = کسی پاسخگوی { $list } نیست؛ پیام نرفت. بعداً بفرستید.
help-unknown = درخواست کمک { $code } نیست.
reply-empty = پاسخ را بنویسید: پاسخ { $code } متن
help-replied = پاسخ { $code } فرستاده شد.
help-shared-head = [{ $list }] درخواست کمک:
help-shared = { $code } برای همه اعضای { $list } فرستاده شد.
outside-off = پیام از بیرون { $list } بسته شد.
outside-on = پیام از بیرون { $list } دوباره باز شد.
outside-usage = بیرون { $list } OFF می‌بندد، ON باز می‌کند.

forget-confirm = برای پاک کردن شماره و همه پیام‌ها تا ۱۰ دقیقه بفرستید: فراموش { $code }
forgotten = پاک شد. تا شروع نفرستید، پیامی از SMS Up نمی‌آید.
forget-bad-code = کد اشتباه یا منقضی است. دوباره فراموش بفرستید.

# Private messages between members.
dm-private = (خصوصی):
dm-sent = پیام خصوصی به { $who } در { $list } رفت.
dm-off = پیام خصوصی در { $list } بسته است.
dm-set-off = پیام خصوصی در { $list } بسته شد.
dm-set-on = پیام خصوصی در { $list } دوباره باز شد.
dm-usage = دایرکت { $list } OFF می‌بندد، ON باز می‌کند.
to-usage = برای پیام خصوصی: پیام { $list } نام متن
limit-dm = سقف پیام خصوصی این ساعت ({ $max }) پر شد.
blocked = پیام خصوصی { $who } بسته شد. لغو: بلاک { $label } OFF
unblocked = پیام خصوصی { $who } دوباره باز شد.
block-not-found = { $who } در گروه‌های شما نیست. با # بنویسید.
block-which-list = نام گروه را بنویسید: بلاک گروه { $who }

# Closing a list.
delete-confirm = بفرستید بستن { $list } با کد { $code } تا 10 دقیقه.
delete-bad-code = کد اشتباه یا منقضی است. دوباره بفرستید: بستن { $list }
list-deleted = { $list } بسته شد و اعضا خبر شدند. نام 30 روز رزرو شد.
list-closed = مالک { $list } را بست. دیگر پیامی از آن نمی‌آید.

# Held posts.
moderate-on = پست‌های اعضای { $list } منتظر تایید مدیر می‌مانند.
moderate-off = اعضای { $list } دوباره مستقیم می‌فرستند.
moderate-usage = بازبینی { $list } ON نگه می‌دارد، OFF پایان می‌دهد.
post-held = پست شما در { $list } منتظر تایید مدیر است.
held-post = پست { $code } در { $list } (تایید/رد { $code }):
held-approved = پست { $code } به { $list } رفت.
held-rejected = پست { $code } نرفت.
held-unknown = پست { $code } در انتظار نیست.
post-approved = پست شما در { $list } تایید و فرستاده شد.
post-rejected = پست شما در { $list } تایید نشد.

# کمک <فرمان>: یک پیامک که یک فرمان را توضیح می‌دهد.
usage-help = راهنمای هر فرمان: کمک و نام فرمان، مثلاً کمک عضویت
usage-create = بساز گروه: گروه شما. با خصوصی: با تایید شما. با اعلان: فقط مدیران
usage-announce = بساز گروه اعلان: گروهی که فقط شما و مدیران در آن می‌فرستید
usage-join = عضویت گروه: پیوستن. ارسال: گروه متن. خروج: ترک گروه
usage-leave = ترک گروه: دیگر پیامی از آن گروه نمی‌آید. قطع همه: توقف
usage-lists = لیست‌ها: گروه‌هایی که عضو آنها هستید
usage-name = نام علی: نام شما روی پیام‌ها. شماره‌تان را کسی نمی‌بیند
usage-info = اطلاعات گروه: تعداد اعضا، حق ارسال و نقش شما
usage-add = دعوت گروه شماره: دعوت یک نفر (مدیران). او با عضویت گروه می‌پیوندد
usage-remove = حذف گروه نام: عضو را حذف می‌کند (مدیران). برای همیشه: مسدود
usage-admin = مدیر گروه نام: عضو را مدیر می‌کند (فقط مالک)
usage-start = شروع: پس از توقف، دوباره پیامک می‌گیرید
usage-lang = زبان و کد: زبان پاسخ‌ها، مثلاً زبان fa
usage-no = نه گروه: دعوت آن گروه را نمی‌پذیرید
usage-private = بساز گروه خصوصی: فقط با تایید شما یا مدیران می‌پیوندند
usage-approve = تایید #شماره: پذیرش درخواست عضویت. تایید P12: ارسال پیام منتظر
usage-deny = رد #شماره: رد درخواست عضویت. رد P12: پیام منتظر ارسال نمی‌شود
usage-ban = مسدود گروه نام: حذف همیشگی. بازگشت: آزاد گروه #شماره
usage-unban = آزاد گروه #شماره: فرد مسدود دوباره می‌تواند بپیوندد
usage-owner = مالک گروه نام: گروه را به عضو دیگر می‌سپارید و مدیر می‌مانید
usage-reply = پاسخ H7 متن: پاسخی به درخواست کمک H7 از بیرون گروه
usage-share = انتشار H7: متن درخواست H7 بی‌نام برای همه اعضا
usage-outside = بیرون گروه OFF پیام بیرونی‌ها را می‌بندد، ON باز می‌کند.
usage-forget = فراموش: شماره، نام، گروه‌ها و پیام‌هایتان پاک می‌شود. با کد تایید
usage-to = پیام گروه نام متن: پیام خصوصی به یک عضو. شماره‌ای دیده نمی‌شود
usage-block = بلاک #شماره: پیام خصوصی آن فرد بسته می‌شود. باز: بلاک #شماره OFF
usage-dm = دایرکت گروه OFF پیام خصوصی را می‌بندد، ON باز می‌کند (مالک)
usage-delete = بستن گروه: گروه را برای همیشه می‌بندد (مالک). با کد تایید
usage-moderate = بازبینی گروه ON پیام‌ها را نگه می‌دارد، OFF پایان می‌دهد.

# هشدار: هشدار امنیتی، پیش از هر پیام دیگر.
alert-sent = هشدار { $code } به { $count } عضو { $list } رفت.
alert-test-sent = هشدار آزمایشی (TEST) به { $count } عضو { $list } رفت.
alert-not-allowed = فقط مالک، مدیران و گزارشگران { $list } هشدار می‌فرستند.
alert-empty = متن هشدار را بنویسید: هشدار { $list } متن
alert-limit = { $list } این ساعت { $max } هشدار فرستاده است. صبر کنید.
reporter-made = { $who } به { $list } هشدار می‌دهد.
reporter-removed = { $who } دیگر به { $list } هشدار نمی‌دهد.
you-are-reporter = فقط برای خطر واقعی: هشدار { $list } متن
you-are-no-reporter = دیگر نمی‌توانید به { $list } هشدار بفرستید.
usage-alert = هشدار گروه متن: فوری به همه. آزمایش: هشدار گروه TEST متن
usage-reporter = گزارشگر گروه نام: عضو هشدار می‌دهد؛ با OFF پس گرفته می‌شود
correct-sent = اصلاحیهٔ { $code } به همه رفت؛ مانده‌اش لغو شد.
correct-unknown = هشدار { $code } از شما برای اصلاح نیست.
correct-empty = متن اصلاحیه: اصلاح { $code } متن
usage-correct = اصلاح A12 متن: اصلاحیه برای همهٔ گیرندگان A12
alert-status = { $code }، { $minutes } دقیقه: { $delivered } از { $total } رسید، { $failed } نه، { $expired } منقضی، { $waiting } در راه
alert-unknown = هشدار { $code } از شما نیست.
usage-status = وضعیت A12: هشدار A12 به چند نفر رسید
alert-waiting = { $code } به { $list } منتظر OK مدیر دیگر، تا { $minutes } دقیقه
alert-confirm-ask = { $code } به { $list } منتظر شماست (OK { $code }):
alert-confirm-self = { $code } را مدیر دیگری با OK می‌فرستد، نه فرستنده.
alert-confirm-late = هشدار { $code } بیش از { $minutes } دقیقه ماند و نرفت.
alert-confirmed = هشدار { $code } شما تأیید شد و به { $count } عضو { $list } رفت.
alert-rule-confirm = هر هشدار به { $list } اکنون منتظر OK مدیر دوم است.
alert-rule-direct = هشدارهای { $list } اکنون فوری می‌روند.
alert-rule-needs-admin = اول یک مدیر دوم برای { $list } بگذارید.
alert-no-confirmer = مدیر دومی برای تأیید هشدارهای { $list } نیست.
usage-alerts = هشدارها گروه CONFIRM: هر هشدار منتظر OK مدیر دوم؛ DIRECT: فوری
usage-ok = OK A12 هشدار A12 را که منتظر شماست می‌فرستد
checkin-how = اگر در امانید ۱، اگر کمک لازم دارید ۲ بفرستید.
checkin-sent = بررسی { $code } به { $count } عضو { $list }. نتایج { $code }
checkin-safe = ممنون، در { $list } در امان ثبت شدید.
checkin-help = { $who } به بررسی { $check } پاسخ ۲ (نیاز به کمک) داد.
checkin-results = { $code }: { $safe } در امان، { $help } نیاز به کمک، { $silent } بی‌پاسخ.
checkin-unknown = بررسی { $code } در گروه‌های شما نیست.
checkin-empty = سؤال را بنویسید: بررسی { $list } سؤال
checkin-not-allowed = فقط مالک و مدیران { $list } بررسی می‌فرستند.
checkin-limit = { $list } این ساعت { $max } هشدار و بررسی فرستاده است.
usage-check = بررسی گروه سؤال: هر عضو ۱ (در امان) یا ۲ (کمک) می‌فرستد
usage-results = نتایج C3: پاسخ‌های بررسی C3
