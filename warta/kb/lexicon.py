"""Closed word classes of Indonesian and English news writing used to find names.

General rules of the two languages and of news style, nothing taken from any article:
which capitalised words head an organisation's or a place's name, which words say that a
person speaks, which prepositions introduce places, which capitalised words are never
names (weekdays, months, sentence-opening function words, common acronyms).
All entries are folded (``textutil.fold``).
"""

from __future__ import annotations


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


ORG_HEADS = _set(
    """
    kementerian kemenko badan komisi dewan majelis mahkamah lembaga partai universitas
    institut sekolah bank pt yayasan perusahaan pemerintah pemprov pemkab pemkot kepolisian
    polda polres polresta polrestabes polsek polri kejaksaan kejagung kejati kejari
    pengadilan kedutaan kedubes konsulat organisasi serikat konfederasi federasi asosiasi
    himpunan ikatan persatuan perhimpunan gerakan koalisi kelompok angkatan komando
    kodam korem kodim koramil lanud lantamal satuan satgas sekretariat biro dinas otoritas
    direktorat inspektorat kamar perum persero koperasi fraksi komite panitia paguyuban
    laskar batalyon resimen divisi detasemen densus kopassus kostrad marinir puskesmas
    televisi harian majalah kantor pusat tentara pasukan
    ministry department agency commission council committee court party parliament assembly
    university institute bank company corporation corp inc ltd llc plc group association
    organization organisation union federation movement army navy police forces guard
    board authority bureau foundation fund society church congress senate brigade
    battalion alliance coalition tribunal secretariat embassy consulate directorate network
    news press broadcasting television airlines airways centre center club academy cabinet
    government administration league airline
    """
)
# Heads that make an organisation even at the end of the name ("… Party", "… Inc").
ORG_TAILS = _set(
    """
    ministry department agency commission council committee court party parliament assembly
    university institute bank company corporation corp inc ltd llc plc group association
    organization organisation union federation front movement army navy police forces
    guard office board authority bureau service foundation fund society church congress
    senate brigade battalion alliance coalition tribunal secretariat embassy directorate
    network times post news press broadcasting television radio airlines airways centre
    center club academy cabinet government administration league tbk
    """
)
# Word prefixes of Indonesian institution abbreviations: Kemenlu, Kemenkeu, Pemprov…
ORG_PREFIXES = ("kemen", "kemlu", "pemprov", "pemkab", "pemkot", "polda", "polres",
                "polsek", "kodam", "kejati", "kejari", "dinas")

PLACE_HEADS = _set(
    """
    kabupaten kota provinsi desa kecamatan kelurahan kampung dusun distrik pulau kepulauan
    gunung sungai danau selat laut teluk tanjung jalan jl bandara pelabuhan istana gedung
    kompleks masjid gereja pura klenteng stasiun terminal monumen patung lapangan taman
    jalur bukit lembah semenanjung samudra samudera benua kawasan pantai pasar tugu jembatan
    bundaran simpang alun hotel wisma graha menara blok perumahan
    province regency city district island islands street road avenue mount mountain river
    lake sea strait gulf bay valley peninsula square palace airport port harbour harbor
    village county region hall building tower bridge ocean coast beach park plaza
    """
)
COMPASS = _set(
    """
    utara selatan timur barat tengah tenggara daya laut
    north south east west central southeast northeast southwest northwest
    """
)
PLACE_PREPS = _set(
    """
    di ke dari menuju asal sekitar kawasan wilayah daerah provinsi kota kabupaten
    in at to from near across into toward towards outside inside via
    """
)
# "di" and "in" are the strongest: "dari X" is often an affiliation ("X dari KPK").
STRONG_PLACE_PREPS = _set("di ke menuju in at to into near towards toward")

# Verbs of saying: after the name ("X mengatakan", "X said") or before it ("kata X").
SAY_AFTER = _set(
    """
    mengatakan menyatakan menjelaskan menegaskan mengungkapkan menuturkan menyebutkan
    menyebut berkata mengaku menilai meminta menambahkan memastikan membenarkan
    menyampaikan mengklaim menyebutkan mengimbau berharap bilang
    said says told added stated explained noted wrote asked argued warned insisted
    tweeted announced admitted confirmed denied claimed urged
    """
)
SAY_BEFORE = _set(
    """
    kata ujar ucap tutur jelas ungkap tegas imbuh terang sebut papar tandas lanjut
    katanya menurut said says told according
    """
)

# Capitalised words that are never (the start of) a name.
NEVER_NAMES = _set(
    """
    senin selasa rabu kamis jumat sabtu minggu ahad
    januari februari maret april mei juni juli agustus september oktober november desember
    monday tuesday wednesday thursday friday saturday sunday
    january february march june july august october december
    wib wita wit gmt utc
    """
)
# Sentence-opening function words (dropped from a run's start when they open a sentence).
OPENERS = _set(
    """
    the a an this that these those in on at for but and or however when after before while
    if as meanwhile yet so although though during since under with from by despite it he
    she they we i you his her their our its there here what who why how where which also
    then now still even just only not no some many most all both each every other such
    one two three earlier later last next new former according
    namun ketika saat setelah sebelum sementara dalam pada di ke dari untuk dengan menurut
    sedangkan selain meski meskipun walaupun jika bila kalau karena sebab oleh bagi tapi
    tetapi adapun sejak hingga sampai selama kemudian lalu akan ini itu ia dia mereka kami
    kita saya aku beliau para seorang sang sebuah pihak bahkan juga yang tak tidak belum
    sudah telah apalagi agar supaya sehingga maka jadi begitu demikian sebagai atas antara
    terkait soal mengenai tentang baik secara usai seusai sekitar hampir lebih kurang
    banyak sejumlah beberapa semua seluruh setiap tiap masing kini sekarang kemarin besok
    nanti tadi dulu pun hanya cuma sekadar selanjutnya berikut berdasarkan sesuai
    """
)
# Acronyms that are common nouns, units or times, not organisations.
STOP_ACRONYMS = _set(
    """
    wib wita wit ott pns asn bbm apbn apbd ruu uu ham phk umkm ktp sim tv usd idr rp pdb
    gdp ppn pph cctv sms hp cv tbk covid sars hiv aids ok ai it ceo vip lgbt sdm sda ipo
    kuhp kuhap psbb ppkm sd smp sma smk tkp dpo bap sp3 spdp lp abk wni wna tki krl mrt
    lrt umr ump thr nik npwp pin qr atm am pm dna gmt utc est id faq pdf url www co
    km kg cm mm ha ton mw kwh rt rw no nomor pkl pukul jam
    """
)
# Connectors allowed inside a multi-word name.
CONNECTORS = _set("bin binti bint ibn van von der den de da dos del della al el y of for the and dan &")
# Of those, the ones that join two names rather than belong to one.
SPLITTERS = _set("and dan &")

# Nominal references to a person already named ("sang menteri", "the minister").
NOMINAL_DETERMINERS = _set("sang the")

# Heads of names of documents, events, laws and units: capitalised, but not entities.
NOT_ENTITY_HEADS = _set(
    """
    bidang urusan seksi subbagian program rapat sidang konferensi pertemuan pasal undang
    peraturan perpres permen perda keputusan surat solusi operasi pernyataan deklarasi
    perjanjian kesepakatan konsensus hari pekan festival piala lomba pemilu pilkada pilpres
    pileg ktt kebijakan rancangan nota memorandum resolusi laporan tim
    summit conference meeting act law bill resolution declaration agreement treaty
    operation programme day week festival cup election policy statement opinion initiative
    plan strategy report
    """
)
ROMAN = _set("ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx")

# Indonesian institutional abbreviations that open a name, spelled out in canonical names
# of organisations the KB does not know ("Polres Sukamaju" -> "Kepolisian Resor Sukamaju").
ABBREVIATIONS = {
    "kedubes": "Kedutaan Besar", "polda": "Kepolisian Daerah", "polres": "Kepolisian Resor",
    "polresta": "Kepolisian Resor Kota", "polrestabes": "Kepolisian Resor Kota Besar",
    "polsek": "Kepolisian Sektor", "pemprov": "Pemerintah Provinsi",
    "pemkab": "Pemerintah Kabupaten", "pemkot": "Pemerintah Kota",
    "kejati": "Kejaksaan Tinggi", "kejari": "Kejaksaan Negeri", "puspen": "Pusat Penerangan",
    "kodam": "Komando Daerah Militer", "korem": "Komando Resor Militer",
    "kodim": "Komando Distrik Militer", "lapas": "Lembaga Pemasyarakatan",
    "rutan": "Rumah Tahanan", "satgas": "Satuan Tugas", "kanwil": "Kantor Wilayah",
    "dinkes": "Dinas Kesehatan", "disdik": "Dinas Pendidikan", "pn": "Pengadilan Negeri",
    "pt": "PT", "univ": "Universitas", "dprd": "Dewan Perwakilan Rakyat Daerah",
}
