# پاسخ‌های SMS Up به فارسی (برای دری هم). هر پاسخ باید در یک پیامک جا شود: ۷۰ نویسه (UCS-2)
# برای نام گروه ۱۰ حرفی و عددهای ۳ رقمی؛ آزمون‌ها این را بررسی می‌کنند. کوتاه بنویسید.
# Farsi nouns stay singular after a number ("120 عضو"), so no plural variants are needed.
# Command words are those of keywords.txt; English ones (JOIN...) work too.
# Direction marks (RLM) are added by the program where needed: do not type them here.

help = عضویت گروه، ترک گروه، بساز گروه. ارسال: گروه متن. قطع همه: توقف
unknown-command = متوجه نشدم. برای ارسال، اول نام گروه را بنویسید. راهنما: کمک
empty = برای دیدن راهنما بنویسید: کمک

created = { $list } ساخته شد. پیوستن: عضویت { $list }. ارسال: { $list } متن
created-announce = { $list } ساخته شد؛ فقط مدیران می‌فرستند. پیوستن: عضویت { $list }
list-taken = نام { $list } گرفته شده است. نام دیگری انتخاب کنید.
list-name-invalid = نام گروه ۲ تا ۲۴ حرف یا رقم است، بدون فاصله. مثال: بساز خانه
list-name-reserved = { $list } یک کلمهٔ فرمان است. نام دیگری انتخاب کنید.
unknown-list = گروهی به نام { $list } نیست. املا را بررسی کنید.
need-list = نام گروه را هم بنویسید، مثلاً: { $command } خانه

joined = به { $list } پیوستید. ارسال: { $list } متن. خروج: ترک { $list }
already-member = شما از قبل عضو { $list } هستید.
left = از { $list } خارج شدید. بازگشت: عضویت { $list }
not-member = عضو { $list } نیستید. پیوستن: عضویت { $list }

post-sent = { $segments ->
    [1] به { $count } عضو فرستاده شد.
   *[other] به { $count } عضو فرستاده شد، هر کدام { $segments } پیامک.
}
post-empty = متن را بعد از نام گروه بنویسید: { $list } متن
post-announce-only = فقط مدیران می‌توانند به { $list } پیام بفرستند.
post-too-long = خیلی طولانی: { $segments } پیامک. حداکثر { $max } است. کوتاهش کنید.
post-sender-limit = به سقف { $max } پیام در این ساعت رسیدید. بعداً دوباره بفرستید.
post-list-limit = { $list } به سقف پیامک روزانه رسید. فردا دوباره بفرستید.

lists = گروه‌های شما: { $lists }
lists-none = عضو هیچ گروهی نیستید. پیوستن: عضویت نام‌گروه

name-set = نام شما در پیام‌ها اکنون { $alias } است.
name-invalid = نام باید ۱ تا ۲۰ حرف باشد. مثال: نام مریم

info = { $list }: { $count } عضو، { $mode ->
        [announce] فقط اعلان
       *[open] باز
    }. شما: { $role ->
        [owner] مالک
        [admin] مدیر
        [member] عضو
       *[none] غیرعضو
    }.

invite-sent = دعوت فرستاده شد. با پاسخ عضویت { $list } می‌پیوندند.
invite = دعوت به گروه { $list }: بفرستید عضویت { $list }، یا پاسخ ندهید.
invite-failed = این شماره را نمی‌توان دعوت کرد.
invalid-number = { $number } شمارهٔ تلفن درستی نیست.
already-in-list = این شماره از قبل در { $list } است.
added-by-org = به گروه { $list } اضافه شدید. خروج: ترک { $list }. قطع همه: توقف

not-admin = فقط مالک یا مدیران { $list } این کار را می‌توانند.
not-owner = فقط مالک { $list } می‌تواند مدیر تعیین کند.
member-not-found = { $who } در { $list } نیست. نام یا # روی پیام‌هایش را بنویسید.
member-ambiguous = چند عضو به نام { $who } هستند. شمارهٔ # روی پیام‌ها را بنویسید.
cannot-remove-owner = مالک { $list } را نمی‌توان حذف کرد.
removed = { $who } از { $list } حذف شد.
you-were-removed = شما از { $list } حذف شدید.
admin-made = { $who } اکنون مدیر { $list } است.
you-are-admin = شما اکنون مدیر { $list } هستید و می‌توانید عضو دعوت یا حذف کنید.

stopped = دیگر پیامکی از SMS Up نمی‌گیرید. برای بازگشت بنویسید: شروع
started = خوش برگشتید. دوباره پیامک می‌گیرید. راهنما: کمک

lang-set = پاسخ‌ها از این پس به فارسی است.
lang-choices = بنویسید زبان و کد: fa فارسی، ar عربی، ur اردو، en، ms، my، so
