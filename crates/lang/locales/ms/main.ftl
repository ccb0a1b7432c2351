# Balasan SMS Up dalam Bahasa Melayu. Setiap balasan mesti muat dalam SATU SMS (160 aksara GSM-7)
# untuk nama kumpulan 10 aksara dan nombor 3 digit: ujian menyemaknya. Kata kunci: lihat keywords.txt.
# Malay has no plural forms: "1 ahli", "120 ahli".

help = SMS Up: CIPTA kumpulan, SERTAI kumpulan, KELUAR kumpulan, SENARAI, MAKLUMAT kumpulan, NAMA Ali. Hantar: kumpulan mesej. BERHENTI: henti semua.
unknown-command = Tidak difahami. Untuk hantar, mula dengan nama kumpulan: rumah Helo. Taip BANTUAN untuk arahan.
empty = Taip BANTUAN untuk cara guna SMS Up.

created = Kumpulan { $list } dicipta. Orang lain sertai dengan SERTAI { $list }. Untuk hantar: { $list } mesej anda
created-announce = Kumpulan pengumuman { $list } dicipta: hanya anda dan pentadbir boleh hantar. Sertai: SERTAI { $list }
list-taken = Nama { $list } sudah diambil. Pilih nama lain.
list-name-invalid = Nama kumpulan 2-24 huruf atau nombor, tanpa jarak. Contoh: CIPTA rumah
list-name-reserved = { $list } ialah kata arahan. Pilih nama lain.
unknown-list = Tiada kumpulan bernama { $list }. Semak ejaan.
need-list = Tambah nama kumpulan, contoh: { $command } rumah

joined = Anda menyertai { $list }. Untuk hantar: { $list } mesej anda. Untuk keluar: KELUAR { $list }
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
name-invalid = Nama mesti 1-20 aksara. Contoh: NAMA Aminah

info = { $list }: { $count } ahli, { $mode ->
        [announce] pengumuman sahaja
       *[open] terbuka
    }. Anda: { $role ->
        [owner] pemilik
        [admin] pentadbir
        [member] ahli
       *[none] bukan ahli
    }.

invite-sent = Jemputan dihantar. Mereka sertai dengan membalas SERTAI { $list }.
invite = Anda dijemput ke kumpulan SMS { $list }. Untuk sertai, balas SERTAI { $list }. Untuk menolak, abaikan mesej ini.
invite-failed = Nombor itu tidak boleh dijemput.
invalid-number = { $number } bukan nombor telefon yang sah.
already-in-list = Nombor itu sudah ada dalam { $list }.
added-by-org = Anda ditambah ke kumpulan SMS { $list }. Untuk keluar: KELUAR { $list }. Untuk henti semua: BERHENTI

not-admin = Hanya pemilik atau pentadbir { $list } boleh buat begitu.
not-owner = Hanya pemilik { $list } boleh melantik pentadbir.
member-not-found = Tiada ahli { $who } dalam { $list }. Guna nama atau nombor # pada mesej mereka.
member-ambiguous = Beberapa ahli bernama { $who }. Guna nombor # pada mesej mereka.
cannot-remove-owner = Pemilik { $list } tidak boleh dibuang.
removed = { $who } telah dibuang dari { $list }.
you-were-removed = Anda telah dibuang dari { $list }.
admin-made = { $who } kini pentadbir { $list }.
you-are-admin = Anda kini pentadbir { $list }. Anda boleh TAMBAH dan BUANG ahli.

stopped = Anda tidak akan terima SMS lagi dari SMS Up. Untuk kembali, taip MULA.
started = Selamat kembali. Anda akan terima SMS semula. Taip BANTUAN untuk arahan.

lang-set = Balasan kini dalam Bahasa Melayu.
lang-choices = Pilih bahasa: BAHASA en English, ms Melayu, my Myanmar, fa Farsi/Dari, ar Arab, so Somali, ur Urdu
