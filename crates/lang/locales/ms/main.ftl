# Balasan SMS Up dalam Bahasa Melayu. Setiap balasan mesti muat dalam SATU SMS (160 aksara GSM-7)
# untuk nama kumpulan hingga 24 aksara, nama ahli hingga 20 aksara dan nombor 3 digit: ujian
# menyemaknya. Kata kunci: lihat keywords.txt.
# Malay has no plural forms: "1 ahli", "120 ahli".

help = SMS Up: CIPTA/SERTAI/KELUAR kumpulan, SENARAI, MAKLUMAT kumpulan, NAMA Ali. Hantar: kumpulan mesej. BANTUAN SERTAI terangkan SERTAI. BERHENTI: henti semua.
unknown-command = Tidak difahami. Untuk hantar, mula dengan nama kumpulan: rumah Helo. Taip BANTUAN untuk arahan.
empty = Taip BANTUAN untuk cara guna SMS Up.

created = Kumpulan { $list } dicipta. Orang lain sertai dengan SERTAI { $list }. Untuk hantar: { $list } mesej anda
created-short = Dicipta. Orang lain sertai: SERTAI { $list }
created-announce = Kumpulan pengumuman { $list } dicipta: hanya anda dan pentadbir boleh hantar. Sertai: SERTAI { $list }
created-announce-short = Pengumuman dicipta. Sertai: SERTAI { $list }
list-taken = Nama { $list } sudah diambil. Pilih nama lain.
list-name-invalid = Nama kumpulan 2-24 huruf atau nombor, tanpa jarak. Contoh: CIPTA rumah
list-name-reserved = { $list } ialah kata arahan. Pilih nama lain.
unknown-list = Tiada kumpulan bernama { $list }. Semak ejaan.
need-list = Tambah nama kumpulan, contoh: { $command } rumah
announce-usage = Untuk cipta kumpulan yang hanya pentadbir boleh hantar: CIPTA { $list } UMUM
limit-lists = Anda sudah cipta { $max } kumpulan hari ini. Sila cuba lagi esok.
limit-invites = Anda sudah hantar { $max } jemputan baru-baru ini. Sila cuba lagi nanti.
declined = Anda tidak akan dijemput lagi ke { $list }.
no-invitation = Tiada jemputan untuk dijawab. Taip BANTUAN untuk arahan.

joined = Anda menyertai { $list }. Untuk hantar: { $list } mesej anda. Untuk keluar: KELUAR { $list }
joined-short = Anda sertai. Untuk hantar: { $list } mesej anda
already-member = Anda sudah menyertai { $list }.
left = Anda telah keluar dari { $list }. Untuk sertai semula: SERTAI { $list }
not-member = Anda bukan ahli { $list }. Untuk sertai: SERTAI { $list }

post-sent = { $segments ->
    [1] Dihantar kepada { $count } ahli.
   *[other] Dihantar kepada { $count } ahli, { $segments } SMS setiap satu.
}
post-empty = Tulis mesej selepas nama kumpulan: { $list } mesej anda
post-announce-only = Hanya pentadbir boleh hantar ke { $list }.
post-too-long = Terlalu panjang: { $segments } SMS. Hadnya { $max }. Sila pendekkan.
post-sender-limit = Anda sudah hantar { $max } mesej dalam sejam ini, iaitu hadnya. Cuba lagi nanti.
post-list-limit = { $list } sudah capai had SMS harian. Cuba lagi esok.

lists = Kumpulan anda: { $lists }
lists-none = Anda tiada dalam mana-mana kumpulan. Untuk sertai: SERTAI nama

name-set = Nama anda pada mesej kini { $alias }.
name-invalid = Nama mesti 1-20 huruf, tanpa #, nombor telefon atau tanda tersembunyi. Contoh: NAMA Aminah
name-taken = Nama itu mirip nama ahli lain. Sila pilih nama lain.

info = { $list }: { $count } ahli, { $mode ->
        [announce] pengumuman sahaja
       *[open] terbuka
    }. Anda: { $role ->
        [owner] pemilik
        [admin] pentadbir
        [member] ahli
       *[none] bukan ahli
    }.

invite-sent = Jemputan ke { $list } dihantar, jika nombor itu boleh terima SMS.
invite = Anda dijemput ke kumpulan SMS { $list }. Untuk sertai, balas SERTAI { $list }. Jangan jemput lagi: TIDAK { $list }
# The invitation when the list name is in another script (the reply is then UCS-2, 70 characters):
# one mention of the name; a bare NO refuses the latest invitation.
invite-short = Jemputan SMS: balas SERTAI { $list } atau TIDAK
invalid-number = Itu bukan nombor telefon yang sah. Contoh: TAMBAH { $list } 01X XXX XXXX
added-by-org = Anda ditambah ke kumpulan SMS { $list }. Untuk keluar: KELUAR { $list }. Untuk henti semua: BERHENTI

not-admin = Hanya pemilik atau pentadbir { $list } boleh buat begitu.
not-owner = Hanya pemilik { $list } boleh melantik pentadbir.
member-not-found = Tiada ahli { $who } dalam { $list }. Guna nama atau nombor # pada mesej mereka.
member-ambiguous = Beberapa ahli bernama { $who }. Guna nombor # pada mesej mereka.
cannot-remove-owner = Pemilik { $list } tidak boleh dibuang.
cannot-remove-admin = Hanya pemilik { $list } boleh buang pentadbir.
admin-is-owner = { $who } sudah pun pemilik { $list }.
owner-cannot-leave = Anda pemilik { $list }, jadi tidak boleh keluar. Untuk henti semua SMS: BERHENTI
removed = { $who } telah dibuang dari { $list }.
you-were-removed = Anda telah dibuang dari { $list }.
admin-made = { $who } kini pentadbir { $list }.
you-are-admin = Anda kini pentadbir { $list }. Anda boleh TAMBAH dan BUANG ahli.

stopped = Anda tidak akan terima SMS lagi dari SMS Up. Untuk kembali, taip MULA.
help-stopped = Anda telah hentikan semua SMS dari SMS Up. Untuk terima SMS semula, taip MULA.
started = Selamat kembali. Anda akan terima SMS semula. Taip BANTUAN untuk arahan.

lang-set = Balasan kini dalam Bahasa Melayu.
lang-choices = Pilih bahasa: BAHASA en English, ms Melayu, my Myanmar, fa Farsi/Dari, ar Arab, so Somali, ur Urdu, ta Tamil, ps Pashto, cnh Chin Hakha, rhg Rohingya

# Peraturan kandungan rangkaian (Malaysia). Jangan guna perkataan yang disekat (nombor telefon, pautan,
# "PIN", "kata laluan", "nombor IC") dalam balasan ini: rangkaian akan menyekatnya juga.
carrier-my-phone = Tidak dihantar ke { $list }: rangkaian di Malaysia menyekat SMS dengan nombor telefon, jadi tiada siapa akan terima. Hantar semula tanpa nombor.
carrier-my-link = Tidak dihantar ke { $list }: rangkaian di Malaysia menyekat SMS yang ada pautan, jadi tiada siapa akan terima. Hantar semula tanpa pautan itu.
carrier-my-personal = Tidak dihantar: rangkaian di Malaysia menyekat SMS yang meminta butiran peribadi (dokumen pengenalan, kod rahsia). Tulis dengan cara lain.

font-set = Bahasa Burma akan dihantar kepada anda dalam { $font }. Untuk tukar: FON ZAWGYI atau FON UNICODE
font-usage = Untuk pilih cara bahasa Burma dipaparkan di telefon anda: FON ZAWGYI atau FON UNICODE

move-usage = Untuk pindah kumpulan anda ke nombor baharu: dari telefon ini, hantar PINDAH dan nombor baharu. Telefon baharu akan terima kod.
move-code-sent = Kod telah dihantar ke nombor baharu anda. Dari telefon baharu, balas PINDAH dan kod itu dalam 24 jam.
move-request = Seseorang mahu pindah kumpulan SMS Up mereka ke nombor ini. Jika itu anda, balas PINDAH { $code } dalam 24 jam. Jika bukan, abaikan.
move-done = Selesai: kumpulan, nama dan bahasa anda kini pada nombor ini. Hantar SENARAI untuk lihat kumpulan anda.
move-done-old = Kumpulan SMS Up anda telah dipindah ke nombor baharu. Nombor ini tidak akan terima apa-apa lagi daripadanya.
move-bad-code = Kod itu salah atau telah tamat. Dari telefon lama, hantar PINDAH dan nombor ini sekali lagi.
limit-moves = Anda minta pindah { $max } kali hari ini. Sila cuba lagi esok.

reconfirm = SMS Up: anda masih di sana? Balas MULA untuk terus terima kumpulan anda. Tanpa jawapan dalam { $days } hari, ia dihentikan sementara (tiada yang dipadam).

# Senarai selamat.
created-private = Kumpulan peribadi { $list } dicipta: orang minta dengan SERTAI { $list }, anda atau pentadbir LULUS atau ENGGAN.
created-private-short = Kumpulan peribadi dicipta. Minta: SERTAI { $list }
info-private = { $list } ialah kumpulan peribadi. Untuk minta sertai: SERTAI { $list }
join-requested = Permohonan anda untuk sertai { $list } dihantar kepada pentadbirnya. Anda akan dapat SMS apabila mereka jawab.
join-request = { $who } minta sertai { $list }. Untuk terima: LULUS { $label } Untuk tolak: ENGGAN { $label }
join-denied = Permohonan anda untuk sertai { $list } tidak diterima.
approved = { $who } telah menyertai { $list }.
denied = { $who } tidak akan menyertai { $list }.
no-request = Tiada permohonan terbuka daripada { $who }. Guna nombor # dalam permohonan.
request-which-list = Beberapa kumpulan anda ada permohonan daripada { $who }. Sebut kumpulan: LULUS kumpulan { $who }
banned = { $label } dibuang dari { $list } dan tidak boleh kembali. Untuk batal: NYAHSEKAT { $list } { $label }
unbanned = { $label } boleh sertai { $list } semula.
owner-only = Hanya pemilik { $list } boleh buat begitu.
owner-made = { $who } kini pemilik { $list }. Anda pentadbirnya.
you-are-owner = Anda kini pemilik { $list }. Anda boleh TAMBAH, BUANG dan PENTADBIR ahli, dan serahkan dengan PEMILIK.
need-who = Tulis ahli selepas { $list }, dengan nama atau nombor # pada mesej mereka.
help-sent = Mesej anda dihantar kepada penganjur { $list }. Jawapan mereka akan datang ke nombor ini.
help-request = Permintaan bantuan { $code } ke { $list } (BALAS { $code } teks, atau KONGSI { $code } kepada semua):
help-limit = Anda sampai had mesej ke { $list } untuk jam ini ({ $max }). Sila tunggu.
list-unattended = Tiada sesiapa boleh menjawab untuk { $list } sekarang, jadi mesej anda tidak dihantar. Sila cuba lagi nanti.
help-unknown = Tiada permintaan bantuan { $code } dalam kumpulan anda.
reply-empty = Tulis jawapan selepas kod: BALAS { $code } jawapan anda
help-replied = Jawapan anda kepada { $code } dihantar.
help-shared-head = [{ $list }] permintaan bantuan:
help-shared = Permintaan bantuan { $code } dihantar kepada semua dalam { $list }.
outside-off = Orang luar { $list } tidak boleh lagi menulis kepada pentadbirnya.
outside-on = Orang luar { $list } boleh menulis kepada pentadbirnya semula.
outside-usage = LUAR { $list } OFF hentikan mesej orang luar; LUAR { $list } ON benarkan semula.

forget-confirm = Untuk padam nombor, nama, kumpulan dan mesej anda selamanya, balas LUPAKAN { $code } dalam 10 minit.
forgotten = Selesai: nombor dan mesej anda dipadam. Tiada lagi SMS daripada SMS Up melainkan anda hantar MULA.
forget-bad-code = Kod itu salah atau tamat tempoh. Untuk padam semua, hantar LUPAKAN semula.

# Private messages between members.
dm-private = (peribadi):
dm-sent = Mesej peribadi anda kepada { $who } dalam { $list } telah dihantar.
dm-off = Mesej peribadi ditutup dalam { $list }.
dm-set-off = Ahli { $list } tidak boleh lagi menulis secara peribadi antara satu sama lain.
dm-set-on = Ahli { $list } boleh menulis secara peribadi semula.
dm-usage = PERIBADI { $list } OFF hentikan mesej peribadi antara ahli; PERIBADI { $list } ON benarkan semula.
to-usage = Untuk menulis secara peribadi: KEPADA { $list } nama-atau-#nombor mesej anda
limit-dm = Anda telah hantar { $max } mesej peribadi jam ini. Sila tunggu.
blocked = { $who } tidak boleh lagi hantar mesej peribadi kepada anda. Untuk batal: HALANG { $label } OFF
unblocked = { $who } boleh hantar mesej peribadi kepada anda semula.
block-not-found = Tiada sesiapa bernama { $who } dalam kumpulan anda. Guna nombor # pada mesej mereka.
block-which-list = Beberapa kumpulan anda ada { $who }. Sebut kumpulan: HALANG kumpulan { $who }

# Closing a list.
delete-confirm = Untuk menutup { $list } selama-lamanya dan memberitahu ahlinya, balas TUTUP { $list } { $code } dalam 10 minit.
delete-bad-code = Kod itu salah atau sudah tamat. Untuk menutup { $list }, hantar TUTUP { $list } sekali lagi.
list-deleted = { $list } sudah ditutup dan ahlinya telah diberitahu. Nama ini tidak boleh diambil selama 30 hari.
list-closed = { $list } telah ditutup oleh pemiliknya. Anda tidak akan menerima apa-apa lagi daripadanya.

# Held posts.
moderate-on = Mesej ahli { $list } kini menunggu kelulusan pentadbir.
moderate-off = Ahli { $list } boleh menghantar terus semula.
moderate-usage = SEMAK { $list } ON tahan mesej ahli untuk kelulusan; SEMAK { $list } OFF hentikannya.
post-held = Mesej anda ke { $list } menunggu kelulusan pentadbir.
held-post = Mesej { $code } ke { $list } menunggu (LULUS { $code } atau ENGGAN { $code }):
held-approved = Mesej { $code } telah dihantar ke { $list }.
held-rejected = Mesej { $code } tidak dihantar.
held-unknown = Tiada mesej { $code } yang menunggu dalam kumpulan anda.
post-approved = Mesej anda ke { $list } telah diluluskan dan dihantar.
post-rejected = Mesej anda ke { $list } tidak diluluskan.

# BANTUAN <arahan>: satu SMS yang menerangkan satu arahan.
usage-help = BANTUAN tunjuk arahan utama. BANTUAN dan satu arahan menerangkannya, contoh: BANTUAN SERTAI
usage-create = CIPTA kumpulan: buat kumpulan milik anda. Tambah PERSENDIRIAN untuk anda pilih ahli, atau UMUM supaya hanya anda dan pentadbir menghantar.
usage-announce = CIPTA kumpulan UMUM: kumpulan yang hanya anda dan pentadbirnya boleh hantar mesej.
usage-join = SERTAI kumpulan untuk menyertai. Untuk hantar: kumpulan mesej anda. Untuk keluar: KELUAR kumpulan
usage-leave = KELUAR kumpulan: anda tidak lagi terima apa-apa dari kumpulan itu. Henti semua SMS: BERHENTI
usage-lists = SENARAI tunjuk kumpulan yang anda sertai.
usage-name = NAMA Ali: nama yang tertera pada mesej anda. Ahli lain tidak nampak nombor anda.
usage-info = MAKLUMAT kumpulan: bilangan ahli, siapa boleh hantar dan peranan anda.
usage-add = TAMBAH kumpulan nombor: jemput seseorang (pemilik dan pentadbir). Dia sertai dengan balas SERTAI kumpulan.
usage-remove = BUANG kumpulan siapa: keluarkan ahli (pemilik dan pentadbir). Dia boleh sertai semula; SEKAT menghalangnya.
usage-admin = PENTADBIR kumpulan siapa: jadikan ahli pentadbir kumpulan anda. Hanya pemilik boleh.
usage-start = MULA selepas BERHENTI: anda terima SMS dari SMS Up semula.
usage-lang = BAHASA dan kod: bahasa balasan, contoh: BAHASA ms. BAHASA sahaja tunjuk semua kod.
usage-no = TIDAK kumpulan: tolak jemputan ke kumpulan itu dan yang seterusnya. TIDAK sahaja tolak jemputan terakhir.
usage-private = CIPTA kumpulan PERSENDIRIAN: orang hanya masuk bila anda atau pentadbir LULUS mereka.
usage-approve = LULUS #nombor: terima orang yang minta sertai (#nombor ada dalam permintaan). LULUS P12 hantar mesej yang menunggu.
usage-deny = ENGGAN #nombor: tolak permintaan sertai. ENGGAN P12 tolak mesej yang menunggu kelulusan.
usage-ban = SEKAT kumpulan siapa: buang ahli dan halang nombornya selama-lamanya. Untuk batal: NYAHSEKAT kumpulan #nombor
usage-unban = NYAHSEKAT kumpulan #nombor: benarkan orang yang disekat sertai semula.
usage-owner = PEMILIK kumpulan siapa: serahkan kumpulan anda kepada ahli lain. Anda kekal pentadbir.
usage-reply = BALAS H7 jawapan: jawab permintaan bantuan H7 dari orang luar kumpulan. Tiada siapa nampak nombor anda.
usage-share = KONGSI H7: hantar teks permintaan bantuan H7 kepada semua ahli, tanpa nama pengirim.
usage-outside = LUAR kumpulan OFF hentikan mesej orang luar (pemilik); LUAR kumpulan ON benarkan semula.
usage-forget = LUPAKAN: padam nombor, nama, kumpulan dan mesej anda selama-lamanya. Anda dapat kod untuk sahkan.
usage-to = KEPADA kumpulan siapa mesej: tulis secara peribadi kepada seorang ahli (nama atau #nombor). Tiada nombor ditunjuk.
usage-block = HALANG #nombor: mesej peribadi orang itu tidak sampai lagi kepada anda. Untuk batal: HALANG #nombor OFF
usage-dm = PERIBADI kumpulan OFF hentikan mesej peribadi antara ahli (pemilik); PERIBADI kumpulan ON benarkan semula.
usage-delete = TUTUP kumpulan: tutup kumpulan anda selama-lamanya (pemilik sahaja). Anda dapat kod untuk sahkan.
usage-moderate = SEMAK kumpulan ON tahan mesej ahli sehingga pentadbir lulus; SEMAK kumpulan OFF hentikannya.

# AMARAN: amaran keselamatan, dihantar sebelum yang lain.
alert-sent = Amaran { $code } dihantar kepada { $count } ahli { $list }. Untuk membetulkan: BETULKAN { $code } mesej anda
alert-test-sent = Amaran TEST dihantar kepada { $count } ahli { $list }, bertanda TEST. Amaran sebenar: AMARAN { $list } mesej anda
alert-not-allowed = Hanya pemilik, pentadbir dan pelapor { $list } boleh hantar amaran.
alert-empty = Tulis amaran selepas nama kumpulan: AMARAN { $list } mesej anda
alert-limit = { $list } sudah hantar { $max } amaran jam ini, had maksimum. Sila tunggu.
reporter-made = { $who } kini boleh hantar amaran kepada { $list }.
reporter-removed = { $who } tidak lagi boleh hantar amaran kepada { $list }.
you-are-reporter = Anda kini boleh hantar amaran kepada { $list }, untuk bahaya sebenar sahaja: AMARAN { $list } mesej anda
you-are-no-reporter = Anda tidak lagi boleh hantar amaran kepada { $list }.
usage-alert = AMARAN kumpulan mesej: beri amaran kepada semua ahli serentak (pemilik, pentadbir, pelapor). AMARAN kumpulan TEST mesej: ujian.
usage-reporter = PELAPOR kumpulan siapa: benarkan ahli hantar amaran (pemilik dan pentadbir); PELAPOR kumpulan siapa OFF tarik balik.
correct-sent = Pembetulan { $code } dihantar kepada semua yang menerimanya; baki { $code } yang menunggu dibatalkan.
correct-unknown = Tiada amaran { $code } anda untuk dibetulkan.
correct-empty = Tulis pembetulan selepas kod: BETULKAN { $code } mesej anda
usage-correct = BETULKAN A12 mesej: pembetulan kepada semua yang menerima amaran A12; baki yang menunggu dibatalkan (pengirim, pemilik, pentadbir).
alert-status = Amaran { $code }: { $delivered } daripada { $total } diterima, { $failed } gagal, { $expired } luput, { $waiting } dalam perjalanan, { $minutes } minit selepas dihantar.
alert-unknown = Tiada amaran { $code } anda.
usage-status = STATUS A12: sejauh mana amaran A12 sampai: diterima, gagal, luput, dalam perjalanan (pengirim, pemilik, pentadbir).
alert-waiting = Amaran { $code } ke { $list } menunggu OK pentadbir lain atau pemilik; mereka sudah terima. Tidak dihantar selepas { $minutes } min.
alert-confirm-ask = Amaran { $code } ke { $list } menunggu OK anda (OK { $code } menghantarnya):
alert-confirm-self = Pentadbir lain atau pemilik mesti hantar { $code } dengan OK, bukan pengirimnya.
alert-confirm-late = Amaran { $code } menunggu lebih { $minutes } min dan tidak dihantar.
alert-confirmed = Amaran anda { $code } disahkan dan dihantar kepada { $count } ahli { $list }.
alert-rule-confirm = Setiap amaran ke { $list } kini menunggu OK pentadbir kedua atau pemilik. Kembali: ALERTS { $list } DIRECT
alert-rule-direct = Amaran ke { $list } kini terus dihantar, tanpa OK kedua.
alert-rule-needs-admin = Lantik pentadbir kedua { $list } dahulu (PENTADBIR { $list } siapa): dia mengesahkan amaran.
alert-no-confirmer = Amaran ke { $list } perlu OK pentadbir kedua, dan tiada. Pemilik: PENTADBIR atau ALERTS { $list } DIRECT
usage-alerts = ALERTS kumpulan CONFIRM: setiap amaran menunggu OK pentadbir kedua; ALERTS kumpulan DIRECT: terus (pemilik).
usage-ok = OK A12 menghantar amaran A12 yang menunggu OK anda (pentadbir lain atau pemilik kumpulannya).
checkin-how = Balas 1 jika anda selamat, 2 jika anda perlukan bantuan.
checkin-sent = Semakan { $code } dihantar kepada { $count } ahli { $list }. Jawapan selama 24 jam: KEPUTUSAN { $code }
checkin-safe = Terima kasih: anda dikira selamat dalam { $list }.
checkin-help = { $who } menjawab 2 (perlu bantuan) kepada semakan { $check }.
checkin-results = { $code }: { $safe } selamat, { $help } perlu bantuan, { $silent } tiada jawapan.
checkin-unknown = Tiada semakan { $code } dalam kumpulan anda.
checkin-empty = Tulis soalan selepas nama kumpulan: PERIKSA { $list } soalan anda
checkin-not-allowed = Hanya pemilik dan pentadbir { $list } boleh hantar semakan.
checkin-limit = { $list } sudah hantar { $max } amaran dan semakan jam ini, paling banyak. Sila tunggu.
usage-check = PERIKSA kumpulan soalan: minta setiap ahli balas 1 jika selamat, 2 jika perlu bantuan (pemilik dan pentadbir).
usage-results = KEPUTUSAN C3: kiraan jawapan semakan C3: selamat, perlu bantuan, tiada jawapan (pemilik dan pentadbir).
