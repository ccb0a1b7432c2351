# SMS Up ၏ မြန်မာဘာသာ အဖြေများ (Unicode)။ အဖြေတိုင်း SMS တစ်စောင် (UCS-2 စာလုံး 70) ထဲ ဆံ့ရမည်
# (အဖွဲ့အမည် 10 လုံး၊ ဂဏန်း 3 လုံးဖြင့်)။ စမ်းသပ်ချက်များက စစ်ဆေးသည်။ တိုတိုရေးပါ။
# Burmese has no plural forms (CLDR my: other).
# Command words are those of keywords.txt; English ones (JOIN...) work too.

help = ဝင်/ထွက်/ဖွင့် + အဖွဲ့အမည်။ ပို့ရန်: အဖွဲ့ စာ။ ရပ်: အားလုံးရပ်
unknown-command = နားမလည်ပါ။ ပို့ရန် အဖွဲ့အမည်ဖြင့် စပါ။ အကူအညီ ဟု ပို့ပါ။
empty = အသုံးပြုပုံ သိရန် အကူအညီ ဟု ပို့ပါ။

created = { $list } ဖွင့်ပြီး။ ဝင်ရန်: ဝင် { $list }။ ပို့ရန်: { $list } စာ
created-announce = { $list } ဖွင့်ပြီး (စီမံသူသာ ပို့နိုင်)။ ဝင်ရန်: ဝင် { $list }
list-taken = { $list } အမည် ရှိပြီးသား။ အခြားအမည် ရွေးပါ။
list-name-invalid = အဖွဲ့အမည်: စာလုံး/ဂဏန်း 2-24 လုံး၊ space မပါ။ ဥပမာ: ဖွင့် အိမ်
list-name-reserved = { $list } သည် command စကားလုံး။ အခြားအမည် ရွေးပါ။
unknown-list = { $list } အမည်ရှိ အဖွဲ့ မရှိပါ။ စာလုံးပေါင်း စစ်ပါ။
need-list = အဖွဲ့အမည် ထည့်ပါ၊ ဥပမာ: { $command } အိမ်

joined = { $list } ဝင်ပြီး။ ပို့ရန်: { $list } စာ။ ထွက်ရန်: ထွက် { $list }
already-member = { $list } ထဲ ရှိပြီးသား ဖြစ်သည်။
left = { $list } မှ ထွက်ပြီး။ ပြန်ဝင်ရန်: ဝင် { $list }
not-member = { $list } ထဲ မရှိပါ။ ဝင်ရန်: ဝင် { $list }

post-sent = { $segments ->
    [1] { $count } ယောက်ထံ ပို့ပြီး။
   *[other] { $count } ယောက်ထံ ပို့ပြီး၊ တစ်ယောက် SMS { $segments } စောင်။
}
post-empty = အဖွဲ့အမည်နောက်တွင် စာရေးပါ: { $list } စာ
post-announce-only = { $list } သို့ စီမံသူများသာ ပို့နိုင်သည်။
post-too-long = ရှည်လွန်း: SMS { $segments } စောင်။ အများဆုံး { $max }။ တိုအောင်ရေးပါ။
post-sender-limit = ဤနာရီ စာ { $max } စောင် ပြည့်ပြီ။ နောက်မှ ပြန်ပို့ပါ။
post-list-limit = { $list } ၏ နေ့စဉ် SMS ပမာဏ ပြည့်ပြီ။ မနက်ဖြန် ပြန်ပို့ပါ။

lists = သင့်အဖွဲ့များ: { $lists }
lists-none = မည်သည့်အဖွဲ့တွင်မျှ မရှိပါ။ ဝင်ရန်: ဝင် အမည်

name-set = စာများပေါ်ရှိ သင့်အမည် ယခု { $alias }။
name-invalid = အမည် စာလုံး 1-20 ဖြစ်ရမည်။ ဥပမာ: အမည် မမ

info = { $list }: အဖွဲ့ဝင် { $count }၊ { $mode ->
        [announce] ကြေညာသာ
       *[open] ဖွင့်
    }။ သင်: { $role ->
        [owner] ပိုင်ရှင်
        [admin] စီမံသူ
        [member] အဖွဲ့ဝင်
       *[none] အဖွဲ့ဝင်မဟုတ်
    }။

invite-sent = ဖိတ်ပြီး။ ဝင် { $list } ဟု ပြန်ပို့လျှင် ဝင်မည်။
invite = { $list } သို့ ဖိတ်သည်။ ဝင်ရန်: ဝင် { $list }။ မလိုက လျစ်လျူရှုပါ။
invite-failed = ထိုနံပါတ်ကို ဖိတ်၍မရပါ။
invalid-number = { $number } သည် မှန်ကန်သော ဖုန်းနံပါတ် မဟုတ်ပါ။
already-in-list = ထိုနံပါတ် { $list } ထဲ ရှိပြီးသား။
added-by-org = { $list } ထဲ ထည့်ပြီး။ ထွက်ရန်: ထွက် { $list }။ အားလုံးရပ်ရန်: ရပ်

not-admin = { $list } ပိုင်ရှင် သို့ စီမံသူသာ လုပ်နိုင်သည်။
not-owner = { $list } ပိုင်ရှင်သာ စီမံသူ ခန့်နိုင်သည်။
member-not-found = { $list } တွင် { $who } မရှိ။ စာပေါ်ရှိ အမည် သို့ # နံပါတ် သုံးပါ။
member-ambiguous = { $who } အမည် အဖွဲ့ဝင် အများအပြား။ စာပေါ်ရှိ # နံပါတ် သုံးပါ။
cannot-remove-owner = { $list } ပိုင်ရှင်ကို ဖယ်၍မရပါ။
removed = { $who } ကို { $list } မှ ဖယ်ပြီး။
you-were-removed = သင့်ကို { $list } မှ ဖယ်လိုက်ပြီ။
admin-made = { $who } သည် ယခု { $list } စီမံသူ။
you-are-admin = သင် ယခု { $list } စီမံသူ။ အဖွဲ့ဝင် ထည့်/ဖယ် နိုင်သည်။

stopped = SMS Up မှ SMS မပို့တော့ပါ။ ပြန်လာရန် စတင် ဟု ပို့ပါ။
started = ပြန်လာတာ ကြိုဆိုပါသည်။ SMS ပြန်ရပါမည်။ အကူအညီ ဟု ပို့ပါ။

lang-set = ယခုမှစ၍ မြန်မာလို ဖြေပါမည်။
lang-choices = ဘာသာ နှင့် ကုဒ် ပို့ပါ: my မြန်မာ၊ en၊ ms၊ fa၊ ar၊ so၊ ur
