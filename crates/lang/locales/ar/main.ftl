# ردود SMS Up بالعربية. يجب أن يتسع كل رد لرسالة واحدة: 70 حرفاً (UCS-2) لاسم قائمة من 10 أحرف
# وأعداد من 3 أرقام؛ الاختبارات تتحقق من ذلك. اكتب باختصار.
# Plural forms (CLDR ar): zero (0), one (1), two (2), few (3-10, 103-110...), many (11-99, 111-199...),
# other (100-102, 200...). Select on PLURAL($count), not on $count: the plural library Fluent uses gets
# 103 and 120 wrong (see src/plural.rs).
# Command words are those of keywords.txt; English ones (JOIN...) work too.
# Direction marks (RLM) are added by the program where needed: do not type them here.

help = انضم/غادر/أنشئ + اسم القائمة. للنشر: القائمة رسالتك. للإيقاف: توقف
unknown-command = لم أفهم. للنشر ابدأ باسم القائمة ثم رسالتك. للأوامر أرسل: مساعدة
empty = لمعرفة طريقة الاستخدام أرسل: مساعدة

created = أُنشئت { $list }. للانضمام: انضم { $list }. للنشر: { $list } رسالتك
created-announce = أُنشئت { $list } (النشر للمشرفين فقط). للانضمام: انضم { $list }
list-taken = الاسم { $list } مستخدم. اختر اسماً آخر.
list-name-invalid = اسم القائمة 2-24 حرفاً أو رقماً بلا مسافات. مثال: أنشئ سكن
list-name-reserved = { $list } كلمة أمر. اختر اسماً آخر.
unknown-list = لا توجد قائمة باسم { $list }. تحقق من الإملاء.
need-list = أضف اسم القائمة، مثلاً: { $command } سكن

joined = انضممت إلى { $list }. للنشر: { $list } نصك. للخروج: غادر { $list }
already-member = أنت عضو في { $list } مسبقاً.
left = غادرت { $list }. للعودة: انضم { $list }
not-member = لست عضواً في { $list }. للانضمام: انضم { $list }

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
name-invalid = الاسم من 1 إلى 20 حرفاً. مثال: اسم أمينة

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

invite-sent = أُرسلت الدعوة. ينضمون بالرد: انضم { $list }
invite = دعوة لقائمة { $list }: للانضمام أرسل انضم { $list }، وإلا فتجاهلها.
invite-failed = لا يمكن دعوة هذا الرقم.
invalid-number = { $number } ليس رقم هاتف صحيحاً.
already-in-list = هذا الرقم موجود في { $list } مسبقاً.
added-by-org = أُضفت إلى { $list }. للخروج: غادر { $list }. لإيقاف الكل: توقف

not-admin = هذا لمالك { $list } أو مشرفيها فقط.
not-owner = مالك { $list } وحده يعيّن المشرفين.
member-not-found = لا يوجد { $who } في { $list }. استخدم الاسم أو رقم # في رسائله.
member-ambiguous = عدة أعضاء باسم { $who }. استخدم رقم # الظاهر في رسائلهم.
cannot-remove-owner = لا يمكن حذف مالك { $list }.
removed = حُذف { $who } من { $list }.
you-were-removed = حُذفت من { $list }.
admin-made = أصبح { $who } مشرفاً على { $list }.
you-are-admin = أصبحت مشرفاً على { $list }. يمكنك إضافة الأعضاء وحذفهم.

stopped = لن تصلك رسائل من SMS Up بعد الآن. للعودة أرسل: ابدأ
started = أهلاً بعودتك. ستصلك الرسائل مجدداً. للأوامر أرسل: مساعدة

lang-set = الردود الآن بالعربية.
lang-choices = أرسل لغة والرمز: ar عربي، fa فارسی، ur اردو، en، ms، my، so
