"""Word lists for quote attribution: reporting verbs, titles, pronouns, anonymous sources.

Every list here is a general fact of Indonesian or English news writing (the verbs
reporters use to introduce speech, the titles that stand before a name, the words that
mark an unnamed source). No list names a particular person, organisation or event.

All entries are lower case; lookups fold the word first.
"""

from __future__ import annotations

# --- Reporting verbs ---------------------------------------------------------------

# Indonesian verb stems that follow a direct quote or end a sentence of reported speech
# ("…," kata X / ujarnya / imbuh dia). Each also takes -nya ("katanya", "ujarnya").
ID_SHORT_VERBS = frozenset(
    """
    kata ujar ucap tutur ungkap jelas tegas imbuh tambah lanjut sambung pungkas tandas
    terang papar tulis sebut cuit tutup jawab tanya seru pinta aku kilah bantah sergah
    timpal cetus tukas urai beber katakan tuturkan ungkapkan jelaskan tegaskan paparkan
    terangkan kisah cerita harap ajak imbau desak sindir kritik keluh klaim tepis nilai
    bilang ucapkan sahut ingat ingatkan tambahkan lanjutkan tuding yakin canda kelakar
    """.split()
)

# Indonesian prefixed verbs that introduce reported speech ("X mengatakan, …").
ID_CLAUSE_VERBS = frozenset(
    """
    mengatakan menyatakan menegaskan menjelaskan mengungkapkan mengungkap menambahkan
    menuturkan memaparkan menyebut menyebutkan menilai mengklaim membantah mengaku
    mengakui menekankan memastikan mengingatkan menduga meyakini berharap mengharapkan
    beralasan berpendapat menganggap mengemukakan menerangkan memperingatkan mengimbau
    mendesak menyerukan mengajak memerintahkan menginstruksikan mengusulkan menyarankan
    mencuit membeberkan menandaskan mengutarakan berkata bilang menyayangkan menyesalkan
    meminta menuding menuduh mengeluhkan mengingatkan menanggapi berujar bertanya
    memposting mengunggah menjawab menyahut berseru berteriak menyoroti
    mengisyaratkan menggarisbawahi menceritakan mengimbuhkan melanjutkan mengkritik
    memprediksi memperkirakan menampik mengonfirmasi mengkonfirmasi menyinggung
    """.split()
)

# Of those, the ones that often take a plain object ("menyampaikan protes") and count as
# reported speech only before "bahwa", a comma or a colon.
ID_CLAUSE_VERBS_MARKED = frozenset(
    """
    menyampaikan menuliskan menulis mengumumkan menanggapi menyinggung melanjutkan
    menceritakan mengonfirmasi mengkonfirmasi memprediksi memperkirakan mengkritik
    """.split()
)

# Passive forms that open a sentence of reported speech ("Dijelaskan X, …").
ID_PASSIVE_VERBS = frozenset(
    """
    dijelaskan dikatakan diungkapkan disampaikan ditegaskan disebutkan diterangkan
    dipaparkan dituturkan ditambahkan diakui
    """.split()
)

# English reporting verbs (all forms that stand after a subject).
EN_VERBS = frozenset(
    """
    said says say told tells tell added adds stated states noted notes stressed stresses
    emphasized emphasised emphasizes emphasises warned warns explained explains claimed
    claims insisted insists argued argues reiterated reiterates acknowledged acknowledges
    admitted admits declared declares vowed vows urged urges asserted asserts wrote writes
    tweeted tweets replied replies answered answers continued concluded recalled remarked
    observed cautioned suggested suggests predicted predicts confirmed confirms announced
    announces maintained maintains denied denies pledged pledges promised promises
    contended contends underlined underlines highlighted highlights asked asks posted
    estimated estimates believes
    """.split()
)

# English verbs that only introduce speech before "that" (or a clause we can see):
# "confirmed the arrest" is not a statement, "confirmed that he was arrested" is.
EN_VERBS_MARKED = frozenset(
    """
    confirmed confirms announced announces maintained maintains denied denies pledged
    pledges promised promises suggested suggests posted estimated estimates highlighted
    highlights asked asks continued believes predicted predicts
    """.split()
)

# Verbs that may directly follow a closing quote ("…," said X / "…," X said).
EN_TAIL_VERBS = EN_VERBS - {"believes", "estimated", "estimates", "posted", "confirmed",
                            "confirms", "denied", "denies", "pledged", "pledges"}

# "X called for …", "X has called on …": requests.
EN_PHRASAL = ("called for", "calls for", "call for", "called on", "calls on")

# Participles that continue the previous speaker's words in the same sentence.
EN_PARTICIPLES = frozenset({"saying", "adding", "noting", "stressing", "warning", "explaining",
                            "insisting", "arguing", "claiming", "declaring", "stating"})
ID_PARTICIPLES = frozenset({"seraya", "sembari", "sambil"})

# Words between a subject and its reporting verb that belong to neither.
ADVERBS = frozenset(
    """
    juga pun kembali telah sudah lagi pernah sebelumnya kemudian lalu bahkan hanya
    langsung sempat turut pula sendiri secara tegas terus akhirnya justru tetap memang
    also further then later again has had have was is will would did does previously
    earlier meanwhile once repeatedly recently had today yesterday tonight
    """.split()
)

# Particles that open a sentence and are not part of its subject.
OPENERS = frozenset(
    """
    adapun namun tapi tetapi sementara sedangkan lalu kemudian dan maka selanjutnya
    sebelumnya kini saat ketika but and meanwhile however separately earlier later
    then also yet so now
    """.split()
)

# --- Speakers --------------------------------------------------------------------------

# Pronouns that refer back to a speaker. Values: the kind of speaker they may stand for.
PRONOUNS = {
    "dia": "person", "ia": "person", "beliau": "person", "dirinya": "person",
    "pihaknya": "any", "he": "person", "she": "person", "it": "org", "they": "plural",
    "mereka": "plural", "saya": "person", "kami": "any", "ianya": "person",
}

# Nouns that stand for a statement already attributed ("tutup keterangan tersebut",
# "the press release added"): the speaker is the last one.
DOCUMENT_NOUNS = frozenset(
    """
    keterangan pernyataan rilis siaran tulisan tulisannya unggahan cuitan kicauan laporan
    surat pesan statement release report communique communiqué post message letter
    """.split()
)

# Words that make a subject an unnamed source ("seorang pejabat", "officials said").
ANON_MARKERS = frozenset(
    """
    seorang salah sejumlah beberapa para sumber narasumber pejabat pejabat-pejabat warga
    saksi pengamat analis aktivis pengunjuk demonstran massa mahasiswa pengungsi korban
    penduduk masyarakat netizen warganet kalangan banyak pihak-pihak
    a an one some several many two three sources source officials official witnesses
    witness residents resident analysts analyst experts expert critics critic activists
    activist protesters protestors demonstrators organizers organisers observers
    diplomats people others insiders aides aide lawmakers rebels militants insurgents
    separatists fighters troops soldiers workers farmers students leaders authorities
    demonstrators participants victims families relatives survivors neighbours neighbors
    pemberontak militan separatis prajurit tentara buruh petani pelajar siswa nelayan
    pedagang pengemudi sopir keluarga kerabat tetangga penumpang
    """.split()
)

# Generic organisation nouns that can speak ("the ministry said", "kementerian itu").
ORG_NOUNS = {
    "ministry": ("ministry", "kementerian"),
    "kementerian": ("ministry", "kementerian"),
    "military": ("armed forces", "military", "army", "tni"),
    "army": ("army", "armed forces", "tni"),
    "government": ("government", "pemerintah"),
    "pemerintah": ("pemerintah", "government"),
    "police": ("police", "polri", "kepolisian", "polda", "polres"),
    "polisi": ("polri", "kepolisian", "polda", "polres", "police"),
    "kepolisian": ("kepolisian", "polri", "polda", "polres", "police"),
    "agency": ("agency", "commission", "badan", "komisi"),
    "badan": ("badan",),
    "komisi": ("komisi",),
    "commission": ("commission", "komisi"),
    "department": ("department",),
    "company": ("company", "perusahaan"),
    "perusahaan": ("perusahaan", "company"),
    "embassy": ("embassy", "kedutaan", "kedubes"),
    "kedutaan": ("kedutaan", "kedubes", "embassy"),
    "party": ("party", "partai"),
    "partai": ("partai", "party"),
    "office": ("office", "kantor"),
    "court": ("court", "pengadilan", "mahkamah"),
    "junta": ("junta", "council", "dewan"),
    "council": ("council", "dewan"),
    "istana": ("istana", "palace"),
    "palace": ("palace", "istana"),
}

# Heads that make a capitalised phrase an organisation rather than a person.
ORG_HEADS = frozenset(
    """
    kementerian kementrian kemlu kemenlu kemhan badan komisi dewan partai fraksi gedung istana
    kepolisian polri polda polres polsek mabes tni kodam korem kodim pemerintah pemkot pemkab
    pemprov kantor kejaksaan kejagung pengadilan mahkamah majelis lembaga yayasan universitas
    institut asosiasi serikat konfederasi federasi perhimpunan himpunan ikatan gerakan koalisi
    aliansi kedutaan kedubes konsulat kbri pusat direktorat ditjen bank perusahaan pt tbk
    sekretariat satgas tim dinas balai lapas rutan puskesmas rsud rumah sakit kejari kejati
    satpol polrestabes polresta polsek kodim koramil lanud lantamal
    ministry department council commission agency office government committee party
    parliament congress senate court union association federation coalition alliance
    embassy consulate army navy military police forces bureau administration authority
    television tv radio media agency news newspaper times post journal bank company group
    corporation inc ltd organization organisation institute university foundation
    house palace kremlin pentagon junta board bureau
    """.split()
)

# Titles, ranks and offices that stand before (or after) a name and are not part of it.
TITLES = frozenset(
    """
    presiden wakil wapres menteri menlu menhan menkeu mendagri menko menkumham mensos
    mensesneg seskab menpan menkes mendag menperin mentan menhub menag mendikbud menaker
    ketua ketum kepala direktur dirut dirjen sekretaris sekjen sekda juru bicara jubir anggota
    gubernur wagub bupati wabup wali walikota wawali wakot kapolri wakapolri kapolda wakapolda
    kapolres kapolresta kapolrestabes kapolsek kabareskrim kadiv kabid kabag kasubdit kasat
    kasatreskrim kanit kapuspen kapuspenkum kapendam kadispen kadispenad kapenrem panglima
    pangdam pangkostrad danrem dandim danramil kasad kasal kasau jaksa agung hakim duta dubes
    besar staf ahli koordinator korlap pimpinan komisioner deputi asisten plt pj pjs
    bendahara rektor dekan camat lurah kades raja ratu pangeran perdana sultan pelatih
    pengacara kuasa advokat penasihat penasehat kabiro karo kasubag kasubbag kepsek humas
    kepala kasi direktorat politisi politikus kader ekonom peneliti pakar analis pengamat
    hakim jaksa penyidik komandan danlanud danyon kapendam kabidhumas kasubbid
    pengusaha aktor aktris artis penyanyi atlet wartawan jurnalis penulis sutradara musisi
    dokter pendeta seniman budayawan sejarawan ilmuwan notaris akademisi dosen guru
    businessman businesswoman activist actor actress singer athlete journalist writer
    doctor economist researcher scholar author
    president vice minister secretary spokesman spokeswoman spokesperson chief head director
    chairman chairwoman chair chairperson ambassador envoy commander deputy premier prime
    chancellor senator governor mayor leader founder ceo cfo coo lawyer attorney adviser
    advisor counsel representative rep sen gov king queen prince princess emperor pope
    general admiral colonel col major maj captain capt lieutenant lt sergeant sgt
    officer official press coordinator diplomat speaker co-chairman secretary-general
    under-secretary vice-president vice-chairman
    bapak pak ibu bu saudara sdr tuan nyonya nona mas mbak bung kak dr drs dra ir prof
    profesor h hj kh haji hajjah habib ustaz ustadz kyai kiai gus mr mrs ms miss sir madam
    dame lord lady rev reverend sheikh syekh
    jenderal jend letjen mayjen brigjen kolonel kol letkol mayor kapten lettu letda serka
    serda sertu pratu prada kopda praka laksamana laksda laksma marsekal marsda marsma
    irjen komjen kombes akbp kompol akp iptu ipda aiptu aipda bripka brigpol briptu bripda
    pol inf kav arm czi mar pnb brigadir bharada bhayangkara
    """.split()
)

# Forms of address and ranks: the word right before a name ("Irjen Paulus", "Dr. Ani").
RANKS = frozenset(
    """
    bapak pak ibu bu saudara sdr tuan nyonya nona mas mbak bung kak dr drs dra ir prof
    profesor h hj kh haji hajjah habib ustaz ustadz kyai kiai gus mr mrs ms miss sir madam
    dame lord lady rev reverend sheikh syekh
    jenderal jend letjen mayjen brigjen kolonel kol letkol mayor kapten lettu letda serka
    serda sertu pratu prada kopda praka laksamana laksda laksma marsekal marsda marsma
    irjen komjen kombes akbp kompol akp iptu ipda aiptu aipda bripka brigpol briptu bripda
    pol inf kav arm czi mar pnb general admiral colonel col major maj captain capt
    lieutenant lt sergeant sgt brigadir bharada
    """.split()
)

# Words that continue a title ("Menteri Luar Negeri", "Kepala Bidang Mitigasi …",
# "foreign minister", "Secretary of State"): not part of a name when they follow a title.
TITLE_MODIFIERS = frozenset(
    """
    luar negeri dalam pertahanan keuangan hukum ham sosial agama perhubungan perdagangan
    perindustrian pertanian kesehatan pendidikan kebudayaan ketenagakerjaan tenaga kerja
    koordinator bidang politik keamanan ekonomi maritim investasi umum bicara besar agung
    muda madya utama tinggi jenderal harian eksekutif nasional daerah provinsi kabupaten
    kota negara istimewa khusus senior top kabinet departemen divisi biro humas
    hubungan masyarakat penerangan corporate communication communications relations public
    external internal marketing operations legal strategy lingkungan hidup agraria tata
    ruang desa transmigrasi pariwisata kreatif riset teknologi pemuda olahraga rakyat
    koperasi usaha kecil menengah energi sumber daya mineral aparatur reformasi birokrasi
    informatika digital komunikasi sekretariat kabinet inspektur utama muda satu dua polisi
    tindak pidana seksi intelijen subdit direktorat reserse kriminal lalu lintas
    foreign affairs defence defense finance justice interior home trade state security
    economic coordinating general senior deputy executive national regional affairs
    minister secretary press of the for and
    """.split()
)

# Words that open a place name ("Kabupaten Pasuruan", "Kota Bogor") and the compass words
# that close one ("Jawa Barat", "Jakarta Pusat"): between a title and a name they are
# the office's territory, not the name.
PLACE_TYPES = frozenset(
    "kabupaten kota provinsi kecamatan desa kelurahan distrik regency province".split()
)
PLACE_QUALIFIERS = frozenset(
    "barat timur utara selatan tengah pusat raya tenggara daya laut besar".split()
)

# Lower-case words that can sit inside a person's name ("Salman bin Abdulaziz").
NAME_PARTICLES = frozenset({"bin", "binti", "al", "el", "van", "von", "de", "der", "den",
                            "da", "di", "du", "la", "le", "dos", "del", "ibn", "abu"})

# Role keys: the office a role phrase names, to resolve "the spokesman said" to the
# spokesman the article named earlier. Longest phrases first when matching.
ROLE_KEYS = {
    "menteri luar negeri": "foreign_minister", "menlu": "foreign_minister",
    "foreign minister": "foreign_minister", "minister of foreign affairs": "foreign_minister",
    "foreign secretary": "foreign_minister", "top diplomat": "foreign_minister",
    "secretary of state": "foreign_minister",
    "menteri pertahanan": "defence_minister", "menhan": "defence_minister",
    "defence minister": "defence_minister", "defense minister": "defence_minister",
    "defense secretary": "defence_minister",
    "menteri keuangan": "finance_minister", "menkeu": "finance_minister",
    "finance minister": "finance_minister",
    "juru bicara": "spokesperson", "jubir": "spokesperson", "spokesman": "spokesperson",
    "spokeswoman": "spokesperson", "spokesperson": "spokesperson",
    "wakil presiden": "vice_president", "wapres": "vice_president",
    "vice president": "vice_president",
    "presiden": "president", "president": "president",
    "perdana menteri": "prime_minister", "prime minister": "prime_minister",
    "premier": "prime_minister", "pm": "prime_minister",
    "kapolri": "police_chief", "kapolda": "police_chief", "kapolres": "police_chief",
    "police chief": "police_chief",
    "panglima": "military_chief", "commander": "military_chief",
    "gubernur": "governor", "governor": "governor",
    "bupati": "regent", "regent": "regent",
    "wali kota": "mayor", "walikota": "mayor", "mayor": "mayor",
    "duta besar": "ambassador", "dubes": "ambassador", "ambassador": "ambassador",
    "ketua umum": "chair", "ketua": "chair", "chairman": "chair", "chairwoman": "chair",
    "direktur": "director", "director": "director",
    "kepala": "head", "head": "head", "chief": "head",
    "menteri": "minister", "minister": "minister",
    "sekretaris jenderal": "secretary_general", "sekjen": "secretary_general",
    "secretary-general": "secretary_general", "secretary general": "secretary_general",
    "pengacara": "lawyer", "kuasa hukum": "lawyer", "lawyer": "lawyer",
    "attorney": "lawyer",
    "raja": "monarch", "king": "monarch", "ratu": "monarch", "queen": "monarch",
    "hakim": "judge", "judge": "judge", "jaksa": "prosecutor", "prosecutor": "prosecutor",
}

# Demonstratives that make a role phrase refer back ("menteri itu", "the minister").
DEMONSTRATIVES = frozenset({"itu", "tersebut", "ini", "the", "this", "that", "sang"})

# Words before a quote that make it a title or a name, not a statement
# ('film berjudul "…"', 'the so-called "…"', 'Simak video "…"').
TITLE_CUES = frozenset(
    """
    berjudul bertajuk bertema judul tema tajuk istilah julukan dijuluki tagar slogan
    video simak baca tonton film lagu buku program acara kampanye gerakan operasi
    titled entitled dubbed called so-called named nicknamed hashtag slogan motto
    """.split()
)

# Words that end a speaker phrase after a reporting verb ("kata Ani di Jakarta", "said
# Ani in a statement"): prepositions, relative words, time words.
SPEAKER_STOPS = frozenset(
    """
    di ke dari saat ketika dalam kepada pada usai seusai setelah sebelum yang dikutip
    seperti melalui lewat via sambil seraya sembari dengan menurut kemarin tadi hari
    sebagaimana sebagai selaku kala tatkala lantaran karena untuk terkait soal mengenai
    ketika sesudah jelang menjelang selepas dilansir dilaporkan disiarkan
    in at on to during after before when while who which whose as via from with by told
    according yesterday today tonight last this earlier later adding saying citing
    through per over will would is are was were has have had can could should must may
    might shall does did
    """.split()
)

DAY_NAMES = frozenset(
    """
    senin selasa rabu kamis jumat jum'at sabtu minggu ahad
    monday tuesday wednesday thursday friday saturday sunday
    januari februari maret april mei juni juli agustus september oktober november desember
    january february march june july august october december jan feb mar apr jun jul aug
    agu sep sept okt oct nov des dec
    """.split()
)

# Words that begin a sentence or a phrase without being part of a name, even when they
# are written with a capital ("Selain itu ia …", "In September, …").
FUNCTION_WORDS = frozenset(
    """
    selain dalam di ke dari pada untuk dengan oleh namun tetapi tapi sementara sedangkan
    setelah sebelum sesudah saat ketika kemudian lalu meski meskipun walau walaupun karena
    sehingga jika bila apabila agar supaya bahwa yang sejak hingga sampai terkait soal
    mengenai tentang menurut bagi demi atas antara tanpa melalui lewat kala usai seusai
    adapun bahkan juga pun maka jadi kini sebelumnya sesuai berdasarkan menanggapi terhadap
    in on at for with by from after before while when as but and however meanwhile
    since until during about against among without through under over if although though
    because asked speaking addressing responding despite following amid sekarang nanti
    akhirnya kemarin besok tadi selanjutnya lebih sedangkan pasalnya sebab makanya oleh
    """.split()
)

# Determiners and quantities that open a noun phrase of an unnamed source ("a source",
# "seorang pejabat"); a role after them is not a particular person.
INDEFINITES = frozenset({"a", "an", "seorang", "salah", "sejumlah", "beberapa", "para", "some",
                         "several", "one", "two", "three", "many", "other", "another"})

# Auxiliaries, modals and negation: a phrase holding one is a predicate, not a subject
# ("…, Ani belum bisa memastikan" is no postposed "…, X said").
PREDICATE_WORDS = frozenset(
    """
    belum tidak tak bisa dapat akan sudah telah masih harus sedang pernah mau ingin enggan
    not could would will can may might must should has have had is was are were been being
    did does do never
    """.split()
)

# Objects of "told" that are the audience, not part of the reported clause.
EN_AUDIENCES = frozenset(
    """
    reporters journalists media press newsmen correspondents lawmakers parliament
    legislators supporters crowd audience participants delegates students
    """.split()
)
