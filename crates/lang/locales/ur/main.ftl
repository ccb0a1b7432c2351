# SMS Up کے جوابات اردو میں۔ ہر جواب ایک SMS میں آنا چاہیے: 70 حروف (UCS-2)، 10 حرفی گروپ نام
# اور 3 ہندسی اعداد کے ساتھ؛ ٹیسٹ یہ جانچتے ہیں۔ مختصر لکھیں۔
# Plural forms (CLDR ur): one, other.
# Command words are those of keywords.txt; English ones (JOIN...) work too.
# Direction marks (RLM) are added by the program where needed: do not type them here.

help = شامل/چھوڑیں/بنائیں + گروپ کا نام۔ بھیجنا: گروپ پیغام۔ سب بند: روکیں
unknown-command = سمجھ نہیں آیا۔ بھیجنے کے لیے پہلے گروپ کا نام لکھیں۔ مدد کے لیے: مدد
empty = استعمال کا طریقہ جاننے کے لیے لکھیں: مدد

created = { $list } بن گیا۔ شمولیت: شامل { $list }۔ بھیجنا: { $list } پیغام
created-announce = { $list } بن گیا (صرف منتظم بھیجیں گے)۔ شمولیت: شامل { $list }
list-taken = نام { $list } پہلے سے لیا جا چکا ہے۔ کوئی اور نام چنیں۔
list-name-invalid = گروپ کا نام 2 سے 24 حروف یا ہندسے، بغیر وقفے۔ مثال: بنائیں گھر
list-name-reserved = { $list } ایک حکم کا لفظ ہے۔ کوئی اور نام چنیں۔
unknown-list = { $list } نام کا کوئی گروپ نہیں۔ ہجے دیکھیں۔
need-list = گروپ کا نام بھی لکھیں، مثلاً: { $command } گھر

joined = آپ شامل ہو گئے۔ بھیجنا: { $list } پیغام۔ چھوڑنا: چھوڑیں { $list }
already-member = آپ پہلے سے { $list } میں ہیں۔
left = آپ نے { $list } چھوڑ دیا۔ واپسی: شامل { $list }
not-member = آپ { $list } میں نہیں ہیں۔ شامل ہونے کو: شامل { $list }

post-sent = { $count ->
        [one] 1 رکن
       *[other] { $count } ارکان
    } کو بھیج دیا گیا{ $segments ->
        [1] ۔
       *[other] ، ہر ایک کو { $segments } SMS۔
    }
post-empty = گروپ کے نام کے بعد پیغام لکھیں: { $list } پیغام
post-announce-only = { $list } میں صرف منتظم بھیج سکتے ہیں۔
post-too-long = بہت لمبا: { $segments } SMS۔ حد { $max } ہے۔ براہ کرم مختصر کریں۔
post-sender-limit = آپ اس گھنٹے { $max } پیغامات کی حد تک پہنچ گئے۔ بعد میں کوشش کریں۔
post-list-limit = { $list } کی روزانہ SMS حد پوری ہو گئی۔ کل کوشش کریں۔

lists = آپ کے گروپ: { $lists }
lists-none = آپ کسی گروپ میں نہیں۔ شامل ہونے کو: شامل گروپ‌نام

name-set = پیغامات پر آپ کا نام اب { $alias } ہے۔
name-invalid = نام 1 سے 20 حروف کا ہو۔ مثال: نام عائشہ

info = { $list }: { $count ->
        [one] 1 رکن
       *[other] { $count } ارکان
    }، { $mode ->
        [announce] صرف اعلانات
       *[open] کھلا
    }۔ آپ: { $role ->
        [owner] مالک
        [admin] منتظم
        [member] رکن
       *[none] رکن نہیں
    }۔

invite-sent = دعوت بھیج دی گئی۔ وہ جواب دے کر شامل ہوں گے: شامل { $list }
invite = گروپ { $list } کی دعوت: جواب دیں شامل { $list }، ورنہ کچھ نہ کریں۔
invite-failed = اس نمبر کو دعوت نہیں دی جا سکتی۔
invalid-number = { $number } درست فون نمبر نہیں ہے۔
already-in-list = یہ نمبر پہلے سے { $list } میں ہے۔
added-by-org = آپ { $list } میں شامل کیے گئے۔ نکلنا: چھوڑیں { $list }۔ بند: روکیں

not-admin = یہ صرف { $list } کا مالک یا منتظم کر سکتا ہے۔
not-owner = صرف { $list } کا مالک منتظم بنا سکتا ہے۔
member-not-found = { $list } میں { $who } نہیں۔ پیغام پر لکھا نام یا # نمبر لکھیں۔
member-ambiguous = { $who } نام کے کئی ارکان ہیں۔ پیغامات پر دکھایا # نمبر لکھیں۔
cannot-remove-owner = { $list } کے مالک کو نکالا نہیں جا سکتا۔
removed = { $who } کو { $list } سے نکال دیا گیا۔
you-were-removed = آپ کو { $list } سے نکال دیا گیا۔
admin-made = { $who } اب { $list } کا منتظم ہے۔
you-are-admin = آپ اب { $list } کے منتظم ہیں۔ آپ ارکان کو دعوت دے اور نکال سکتے ہیں۔

stopped = اب SMS Up سے کوئی SMS نہیں آئے گا۔ واپسی کے لیے لکھیں: شروع
started = خوش آمدید۔ آپ کو پھر سے SMS ملیں گے۔ مدد کے لیے لکھیں: مدد

lang-set = جوابات اب اردو میں ہوں گے۔
lang-choices = لکھیں زبان اور کوڈ: ur اردو، fa فارسی، ar عربی، en، ms، my، so
