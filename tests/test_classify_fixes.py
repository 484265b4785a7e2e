"""General fixes made after each untouched run on a real held-out set (classify-4 onwards), one case per fix.

Each case is written here in our own words; the real records stay outside the repository (see
eval/classify_heldout.md for the runs that exposed them).
"""

from __future__ import annotations

import pytest

from petcasefinder import classify
from petcasefinder.lexicon import Lexicon
from petcasefinder.lexicon.species import SpeciesLexicon
from petcasefinder.records import Article

_Case = tuple[str, str, tuple[str, ...], str | None]  # title, abstract, species, journal
_Not = tuple[str, str, str | None]  # title, abstract, journal


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon(species=SpeciesLexicon.load(), clinical=None)  # type: ignore[arg-type]


# ---- cases added with classify-4 (after the first run on the second real held-out set; see eval/classify_heldout.md)
# Each is written here in our own words; the real records stay outside the repository.
_C4: list[_Case] = [
    # "may be sacrificed to save the foal" is a clinical choice, not a laboratory kill
    ("Successful caesarean section in a mare",
     ("A mare with a transverse pregnancy was operated on. In such mares the dam may be sacrificed to save the foal, "
     "but here both survived."), ("horse",), None),
    # "correlated with histopathologic findings" is description, not statistics; "a case study" names itself
    ("Ear lesions in captive fawns: a case study",
     ("Lesions were seen in 9 of 80 fawns of one captive herd. Gross findings correlated with histopathologic "
     "findings of vasculitis."), ("deer",), None),
    # "compared with normal cartilage" is histology, not a control group
    ("Tracheal chondromas in three ball pythons",
     ("Three ball pythons had dyspnea. The masses were removed endoscopically. Chondrocytes were denser compared "
     "with normal hyaline cartilage."), ("snake",), None),
    # "a review of five cases at a zoo" is a case series, not a literature review
    ("Sudden death of captive giraffe: a review of five cases at a city zoo",
     "Five giraffe died within 8 years. Retrospective analysis of their diet showed an energy deficit.",
     ("giraffe",), None),
    # "This case report discusses ..." names itself even with no signalment
    ("Surgical correction of atresia ani in Sahiwal cow calves",
     ("Atresia ani is common in newborn calves. This case report discusses its surgical correction. Defecation "
     "improved slowly."), ("cattle",), None),
    # a title that opens with the animal
    ("A dog with multiple pelvic fractures",
     ("The patient was a mixed breed female dog about 10 months old with pelvic and femoral fractures, repaired "
     "with plates."), ("dog",), None),
    # an age word before the animal is the animal's age
    ("Colic in a newborn dairy calf caused by a colostrum curd",
     "A newborn female Holstein calf developed colic after tube feeding of colostrum and was euthanized.",
     ("cattle",), None),
    # a koi is a pet fish, not a laboratory fish
    ("Surgical removal of a sarcoma from a koi carp",
     ("An abdominal sarcoma was removed from a koi carp under general anaesthesia; the approach for a celiotomy "
     "in a fish is described."), ("fish",), None),
    # every counted patient species stays
    ("An elastic transarticular fixator for elbow luxation",
     ("Four cases of elbow luxation were managed with the fixator. The outcome was excellent in 2 cats and good "
     "in 2 dogs."), ("cat", "dog"), "Can Vet J"),
    # the only word for the animal is an adjective
    ("Two case reports of Ureaplasma losses in bovine embryo pregnancies",
     "Both cases involve late gestational loss from embryos relating back to a single donor.", ("cattle",), None),
]


_C4_NOT = [
    ("A short history of sheep farming in the Cape", ("Sheep were brought to the Cape in the 17th century; this paper "
     "traces the growth of the flock and of veterinary services.")),
    ("Upper endoscopy in captive coatis", ("This study performed endoscopy in clinically healthy coatis. Five adult "
     "male coatis kept in captivity were used under anaesthesia; findings were similar among animals.")),
    ("Surgical management of hepatic cysts in cats: a review of 37 published cases", ("We reviewed 37 cats from "
     "published case reports and summarise treatments and outcomes.")),
]


# ---- cases added with classify-5 (after the first run on the third real held-out set; see eval/classify_heldout.md)
_C5_HUMAN = [
    ("Streptococcus suis meningitis with hearing loss",
     ("S. suis is a zoonosis of people exposed to pigs. Here, we report a case of S. suis meningitis in a 67-yr-old "
     "pig carcass handler who presented with dizziness.")),
    ("Orf infection of the hand in a sheep farmer: a case report",
     "We present a case of a farmer with a painful lesion on her finger after lambing."),
    ("Ringworm of the forearm in a 51-year-old cattle farmer",
     ("Trichophyton verrucosum infects cattle worldwide. We report a case in a 51-year-old cattle farmer treated "
     "with terbinafine.")),
    ("Case report: psittacosis in a military family member",
     "Chlamydia psittaci infects humans and pet birds. Humans are infected by inhaling dust from bird droppings."),
    ("Death by cat bite: Pasteurella multocida bacteremia",
     ("We present a case of Pasteurella bacteremia that killed an immunocompromised 80-year old woman; a cat bite "
     "was found at autopsy.")),
]


_C5: list[_Case] = [
    # "Shepherd" is part of the breed here, not a shepherd
    ("Unilateral anophthalmia in a puppy",
     "A 2-month-old Asian Shepherd puppy was presented with the absence of one eye.", ("dog",), None),
    # "patient" is no human evidence when the title names an animal and no person
    ("Pemphigus foliaceus in a young dog: case report",
     "Pustules and crusts were seen. The patient's immune response was suppressed with prednisolone.", ("dog",),
     None),
    # a non-breaking hyphen in the age
    ("Malignant catarrhal fever: case reporting in Central Italy",
     "A case of MCF in a 4\u2011month\u2011old calf housed in a semi-intensive herd is described.", ("cattle",),
     None),
    # findings "are described"; the animal that bit is not the patient
    ("Anatomopathological findings in a Boa constrictor victim of a car",
     ("The present report describes the case of a boa (Boa constrictor) run over by a car; at necropsy the skin "
     "was torn."), ("snake",), None),
    ("Wing amputation in a cockatiel",
     ("A cockatiel was received by the veterinary hospital with an open fracture of the wing, a victim of predation "
     "by a domestic cat. The wing was amputated."), ("parrot",), None),
    # an outbreak "is described"; post-mortem examinations; a Portuguese title
    ("Sobre um surto de envenenamento em bovinos",
     ("An outbreak of coumarin poisoning in feedlot cattle in Rio de Janeiro is described. Three of 43 animals "
     "died. Post-mortem examinations showed haemorrhages."), ("cattle",), None),
    # an antelope by its own name
    ("Perineal urethrostomy in a captive steenbok (Raphicerus campestris)",
     "Urolithiasis was diagnosed in a hand-reared 5-month-old steenbok and treated surgically.", ("antelope",),
     None),
]


_C5_NOT: list[_Not] = [
    ("Sporotrichosis: a retrospective evaluation of 23 cases",
     ("Twenty-three cases seen between 1987 and 2007 were retrospectively evaluated. Cats were the most common "
      "species (n = 14); four dogs, four horses and a donkey were also affected."), "Vet Dermatol"),
]


# ---- cases added with classify-6 (after the first run on the fourth real held-out set; see eval/classify_heldout.md)
_C6: list[_Case] = [
    # a sex word several species share: alone it is the goat, beside "rabbit" it is the rabbit
    ("Tetanus in a three-year-old doe",
     ("A 3-year-old doe that had kidded twins a week earlier was presented with stiffness and was humanely "
     "sacrificed."), ("goat",), None),
    ("Uterine adenocarcinoma in a doe",
     "An 8-year-old doe, a pet Netherland Dwarf rabbit, was presented with haematuria; the uterus was removed.",
     ("rabbit",), None),
    # one animal, no age: "An adult ... was presented"
    ("Caesarean section for dystocia in Beetal goat",
     ("A pregnant Beetal goat was presented with one fore limb of the kid out of the vulva for a day. A caesarean "
     "section under local block delivered a live kid."), ("goat",), None),
    ("Mercury poisoning in a river otter",
     "An adult male river otter (Lutra lutra) with ataxia was rescued. At necropsy the liver held much mercury.",
     ("otter",), None),
    # "... was diagnosed in a juvenile dolphin": one animal's case in the abstract
    ("Fatal herpesvirus infection in bottlenose dolphin, Atlantic coast",
     "A systemic herpesvirus infection was diagnosed postmortem in a juvenile bottlenose dolphin stranded in 2010.",
     ("dolphin",), None),
    # a die-off told as one event: the population is the case, however many animals were examined
    ("Harbour seal mass die-off and phocine distemper, North Sea",
     "In autumn 2002 many seals were found dead on the coast. Pathology on 30 animals showed distemper virus.",
     ("seal",), None),
    # a Portuguese outbreak report that counts the herd ("lote de 60 vacas")
    ("Intoxicação por planta em bovinos leiteiros",
     ("Este trabalho teve por objetivo relatar um surto de intoxicação em um rebanho leiteiro. De um lote de 60 "
     "vacas, oito adoeceram e quatro morreram."), ("cattle",), None),
    # a scientific name in brackets says which animal; wild cats by name
    ("Lungworms in a wild cat (Leopardus colocolo) from Argentina", ("Worms were found at necropsy of a road-killed "
     "adult female."), ("pampas cat",), None),
    ("Fracture repair in an Amur leopard cat", ("This report describes the repair of a femoral fracture in a leopard "
     "cat rescued after a road accident."), ("leopard cat",), None),
    ("Hand-rearing a premature okapi: a case study", ("This case study describes the care of a weak neonatal okapi "
     "at a zoo."), ("okapi",), None),
    # French and Portuguese case wording; an opossum by its genus
    ("Torsion utérine chez une chienne", ("Un cas de torsion utérine chez une chienne de 4 ans est décrit. Une "
     "laparotomie a permis de retirer l'utérus."), ("dog",), None),
    ("Fratura de mandíbula em gambá (Didelphis aurita)", ("Relatou-se um caso de fratura em um gambá jovem "
     "encontrado na mata. O animal foi encaminhado ao hospital veterinário."), ("opossum",), None),
    # animals dosed to reproduce the poisoning are not patients
    ("Sudden death in cattle after eating a shrub",
     ("Descreve-se a intoxicação natural em um bovino e a reprodução experimental em dois bovinos e em 4 coelhos. "
     "À necropsia o fígado estava aumentado."), ("cattle",), None),
]


_C6_NOT: list[_Not] = [
    # a person working with animals, and the animal that bit him
    ("Rat-bite fever in a pet shop employee: case report",
     ("A 45-year-old pet shop employee who was bitten by one of his shop's rats developed fever and joint pain. "
      "Blood cultures grew Streptobacillus moniliformis."), None),
    # the only animal in the title is the biter
    ("Rat-bite fever: a textbook case", ("Rats are popular pets. This is a case of a young male who developed "
     "rat-bite fever without a bite, after handling a rat. The patient recovered with ceftriaxone."), None),
    # two groups compared: a trial, even with 12 animals
    ("Laparoscopic versus open ovariectomy in dogs", ("The study was carried out in 12 female dogs presented for "
     "elective sterilisation that were divided into two groups of six. Significant differences in cortisol were "
     "seen between the groups."), None),
    ("Vincristina de patente y genérica en perros", ("Se trabajó con 12 perros que fueron asignados "
     "aleatoriamente a dos tratamientos, sin diferencia significativa entre grupos."), None),
    # animals infected on purpose
    ("Avian influenza in red foxes fed infected carcasses", ("To learn whether foxes are susceptible, we infected "
     "3 foxes intratracheally and fed carcasses to 3 other foxes. All excreted virus."), None),
    ("Clinical signs in 3-month-old pigs infected with a field virus", ("Growing pigs were inoculated with the "
     "virus. The incubation period was 5 dpi and dead pigs underwent necropsy."), None),
    # a clinic's case load: "the date of case presentation" is no case header
    ("Profile of canine cases at government clinics, 1990-2005", ("A retrospective study of dog cases was done from "
     "case files. Information included date of case presentation, breed, sex and age. 2,700 dogs were seen."),
     None),
    # "two pig herds" counts herds, not pigs
    ("Causes of death of finishing pigs on two farms", ("Two industrial pig herds were monitored for a year and "
     "all pigs that died were examined. Pneumonia was the most prevalent cause."), None),
]


# ---- cases added with classify-7 (after the first run on the fifth real held-out set; see eval/classify_heldout.md)
_C7: list[_Case] = [
    # a pet rodent seen at a clinic is no laboratory animal just for its species
    ("Fibrosarcoma in two pet gerbils", ("Two gerbils were brought to a small animal clinic with masses on the "
     "flank. The masses were excised and both animals were alive a year later."), ("gerbil",), None),
    ("Ovarian tumour in a Mongolian gerbil (Meriones unguiculatus)", ("A two-year-old animal with a swollen abdomen "
     "was treated at the veterinary hospital; the ovary was removed."), ("gerbil",), None),
    ("Granulosazelltumor bei einer Wüstenrennmaus", ("Eine drei Jahre alte Wüstenrennmaus wurde wegen eines "
     "prallen Abdomens vorgestellt. Der Tumor wurde chirurgisch entfernt."), ("gerbil",), None),
    # a retrospective survey of lesions is no questionnaire; eight tumours, no statistics: a small series
    ("Cutaneous vascular tumours in goats", ("In a retrospective survey of caprine tumours, eight masses were "
     "diagnosed as vascular tumours. Most were solitary bleeding masses."), ("goat",), None),
    # outbreaks told without an English reporting verb
    ("Intoxicação por Senna em bovinos", ("É descrito um surto de intoxicação em um lote de 150 vacas, das quais 12 "
     "adoeceram. À necropsia havia necrose muscular."), ("cattle",), None),
    ("Vasculitis in broiler breeder chickens", ("A broiler breeder company experienced a sudden outbreak of "
     "mortality in six houses. Affected birds had necrosis of the skin."), ("chicken",), None),
    ("Chronic copper poisoning in rams", ("Copper poisoning in housed rams on three farms in southern Brazil is "
     "described. Liver copper was high in all affected animals."), ("sheep",), None),
    # "48 of 134 chickens": 134 is the flock the cases came from
    ("Colibacillosis in a broiler flock", ("Forty of 120 chickens sampled from one flock had colibacillosis; both "
     "acute and subacute forms were found at necropsy."), ("chicken",), None),
]


_C7_NOT: list[_Not] = [
    # a human infection after a dog lick; people "without exposure to pigs"
    ("Pasteurella infection of a knee prosthesis after a dog lick: a case report",
     ("Pasteurella multocida lives in the mouths of dogs and cats. The present article describes a prosthetic knee "
      "infection after a dog lick, treated by a two-stage revision."), None),
    ("Streptococcus suis meningitis in patients without contact with pigs",
     ("S. suis is a zoonotic pathogen of pigs. This report presents two cases of meningitis with deafness in "
      "people who had no contact with pigs."), None),
    # feral animals bought and examined for parasites: a parasite survey
    ("Helminths of feral cats on an island", ("Five feral cats bought from a trapper were examined for their "
     "intestinal helminth parasites. A raccoon dog was found to be infected with hookworms."), None),
    # "two sheep breeds" counts breeds; "(n = 98)" counts the cases
    ("Skin tumours of sheep and goats", ("Clinical cases (n = 98) of tumours were studied to link tumour type with "
     "breed, sex and age. Tumours were seen in two sheep breeds and in one goat breed."), None),
    # an abattoir screen
    ("Ovarian tumours in buffaloes: an abattoir-based study", ("A total of 180 pairs of ovaries were examined at "
     "slaughter. Tumours were recorded in 10 animals accounting for 5.5%."), None),
    # an anatomy study: "5 dogs were used"
    ("Anatomy of the vertebral column in a local dog breed", ("In this study the vertebrae were examined. For this "
     "purpose, 5 adult dogs were used. The numbers of vertebrae are reported."), None),
    # "20 neoplasias from 19 guinea pigs": the nearest number counts, and 19 is more than a case series
    ("Spontaneous tumours in guinea pigs", ("The aim of the study is to describe tumours in guinea pigs. Twenty "
     "neoplasias from 19 guinea pigs were examined. Most animals were pets."), None),
]


# ---- cases added with classify-8 (after the first run on the sixth real held-out set; see eval/classify_heldout.md)
_C8: list[_Case] = [
    # herd outbreaks told by who fell ill in one herd, however many animals
    ("Lead poisoning in a beef herd", ("Over one week, 15 animals in a herd of 90 beef cattle became recumbent and "
     "died. Lead was found in the kidney."), ("cattle",), None),
    ("Enterotoxaemia in a goat herd", ("This study presents findings from a herd of dairy goats in which 40 kids "
     "died within two days despite vaccination."), ("goat",), None),
    ("Selenium toxicosis in finishing pigs", ("Finishing pigs (n = 300) became paralysed after accidental "
     "ingestion of a mineral premix with too much selenium."), ("pig",), None),
    # a field outbreak stays a case even when it was then reproduced on purpose
    ("Photosensitisation in sheep: a field outbreak and its experimental reproduction", ("Spontaneous poisoning "
     "occurred in a flock of 200 sheep, and 14 animals became ill. Two experimental sheep fed the grass developed "
     "the same lesions."), ("sheep",), None),
    # "The present report summarizes": the record names itself; "Three kids out of 19": 19 is the group
    ("Report of enterotoxaemia in goat kids", ("The present report summarizes enterotoxaemia in goat kids. Three "
     "kids out of 19 recently purchased goats died; C. perfringens type D was isolated."), ("goat",), None),
    # "Review of ... in eight guinea pigs" is the clinic's own series; so is an "overview" of four operated cases
    ("Review of gastric torsion in six guinea pigs", ("The authors present six cases of gastric torsion seen at "
     "the clinic; five were operated on and two survived."), ("guinea pig",), None),
    ("Gastric dilatation in guinea pigs", ("The aim was to present an overview of the syndrome. Four cases were "
     "evaluated. All four patients underwent surgery; one was euthanized and three died postoperatively."),
     ("guinea pig",), None),
    # a puppy in a veterinary journal, with nobody else named; a calf by its article
    ("Persistent right aortic arch: a case report", ("It describes a case of a terrier puppy with regurgitation. "
     "The patient recovered after surgery."), ("dog",), "Veterinary Record"),
    ("Surgical management of hydrocephalus in a calf", "The head of the newborn was drained surgically.",
     ("cattle",), None),
    # Portuguese horse words
    ("Malformação congênita em neonato equino - relato de caso", ("Este trabalho relata o caso de uma potra com "
     "anoftalmia. Foi atendido um neonato equino com 24 horas de vida."), ("horse",), None),
]


_C8_NOT: list[_Not] = [
    # the cat that bit is not the patient of a sexed age
    ("Septic arthritis of a finger", ("We present a case of a 70-year-old female who was bitten by a cat and "
     "developed a septic joint despite antibiotics."), None),
    # healthy animals examined for a method; medical records reviewed for 13 rabbits
    ("Neurologic examination of healthy adult hedgehogs", ("To describe a modified neurologic examination, 10 "
     "adult hedgehogs were examined twice."), None),
    ("Thymomas in rabbits", ("Medical records were reviewed to find all pet rabbits with a mediastinal mass (n=13). "
     "In seven rabbits the mass was removed; four rabbits were euthanized."), None),
    # deaths on one farm over ten years are a mortality study; goats "accidentally fed" in general are a review
    ("Calf mortality on a large breeding farm", ("Calf deaths on a large breeding farm were studied over a 10-year "
     "period from medical records. Digestive disease caused most deaths."), None),
    ("Plant poisoning in goats", ("Poisoning may occur if goats are accidentally fed garden cuttings. Yew, oak and "
     "rhododendron are common causes; treatment is supportive."), None),
]


# ---- cases added with classify-9 (after the first run on the seventh real held-out set; see eval/classify_heldout.md)
_C9: list[_Case] = [
    # a case series whose title names no animal, in an unknown journal: two animal words and nobody else
    ("CT findings and surgical outcome of dermoid sinuses: a case series", ("This case series describes the "
     "imaging of seven dogs with dermoid sinuses. The sinuses were excised from all dogs."), ("dog",), None),
    # a Portuguese herd outbreak: "De um lote de 150 bovinos ... 40 animais chegaram a óbito"
    ("Intoxicação espontânea por planta em bovinos", ("De um lote de 150 bovinos com acesso à planta, 40 animais "
     "chegaram a óbito. Havia edema subcutâneo."), ("cattle",), None),
    # Polish and Ukrainian case words and animal words
    ("Idiopatyczne wodosierdzie u psa – opis przypadku", "Artykuł opisuje przypadek wodosierdzia u psa.", ("dog",),
     None),
    ("Холецистит у собаки. Клінічний випадок", "Об'єктом дослідження була собака породи такса віком сім років.",
     ("dog",), None),
    # Japanese: a single character names the animal; an age in days ("日齢") is an animal's
    ("猫の胆管肝炎の1症例", "3歳,雑種猫,去勢雄.食欲不振を主訴に来院した.", ("cat",), None),
    ("豚の脳炎", "ランドレース種,雌,45日齢,鑑定殺例.養豚場で呼吸器病が流行した.", ("pig",), None),
]


_C9_NOT: list[_Not] = [
    # the horse that kicked is not the patient
    ("Facial fractures from a horse hoof kick: report of a case", ("Horses cause many farm injuries. We describe "
     "the surgical repair of facial fractures in a child kicked by a horse."), None),
    # more than 12 animals, not a case series: "a report of 15 cases"; "First case of ..." over a screening study
    ("Nasal polyps in horses: a report of 14 cases", ("The clinical features of 14 cases of nasal polyps are "
     "described. Two horses were younger than one year."), None),
    ("First case of lungworm infection in cats in the region", ("Seventy cats from a shelter and a clinic were "
     "included in the study; larvae were found in 2/70 (2.9%) faecal samples."), None),
    # "case series studies ... are limited" is about other work
    ("Retrospective study of inguinal hernias in 35 dogs", ("Case series studies on this hernia are limited. "
     "Medical records of 35 dogs were reviewed; most were small breeds."), None),
    # Japanese: a 65-year-old man, with a cat only as the source
    ("猫ひっかき病の1例", "65歳の男性.飼い猫に引っかかれた後にリンパ節腫脹を認めた.", None),
]


# ---- cases added with classify-10 (after the first run on the eighth real held-out set; see eval/classify_heldout.md)
_C10: list[_Case] = [
    # herd outbreaks: "affected most of the cows in a 150-cow dairy herd", "a flock ... was struck by", a title
    # with the outbreak late in it
    ("Abortion storm in a dairy herd", ("A serious outbreak of abortion affected most of the heifers in a 150-cow "
     "dairy herd in Devon. Twelve cows died and 30 aborted."), ("cattle",), None),
    ("Severe orf in goats", ("A flock of 60 goats was struck by orf. The virus was then used to experimentally "
     "infect two kids."), ("goat",), None),
    ("A herd-level description of a caseous lymphadenitis outbreak in dairy cattle", ("Caseous lymphadenitis in a "
     "dairy cattle herd is described. Twenty-eight cows and three heifers were affected."), ("cattle",), None),
    # "features of five cases": not a part of a total
    ("Pythiosis in dogs of a dry region", ("We describe the clinical and epidemiological features of five cases of "
     "pythiosis in dogs. Weight loss and vomiting were common."), ("dog",), None),
    # "describes the occurrence of ... in two dogs"
    ("Botulism in dogs on farms", ("The present study describes the occurrence of type C botulism in two dogs on "
     "neighbouring farms. Risk factors for botulism are discussed."), ("dog",), None),
    # a first sentence that goes on after "is described"; "put on record"; an emu under a generic "bird"
    ("Uterine torsion in a mare", ("A case of uterine torsion in a mare is described in which the torsion was "
     "corrected by standing laparotomy."), ("horse",), None),
    ("Gizzard impaction in Emu Bird: necropsy report", ("This report puts on record the necropsy findings of an "
     "emu that died of gizzard impaction."), ("emu",), None),
]


_C10_NOT: list[_Not] = [
    # a cat coordinated with a biting dog is a biter too
    ("Pasteurella meningitis without a history of cat and dog bites", ("Case presentation: An 80-year-old male "
     "patient was admitted with confusion; P. multocida grew from his blood."), None),
]


# ---- cases added with classify-11 (after the first run on the ninth real held-out set; see eval/classify_heldout.md)
_C11: list[_Case] = [
    # "a brief review and three case reports" is the clinic's cases, not a review
    ("Canine hepatitis in practice: a brief review and two case reports", ("In this brief review the authors "
     "refresh knowledge of the disease, illustrated by two recent cases."), ("dog",), None),
    # an age after "from": "Materials from 6 months old snakes ... were tested"
    ("Botulism in snakes kept on wet peat", ("Materials from 4 months old snakes that died with neurological signs "
     "were tested; Clostridium botulinum was isolated."), ("snake",), None),
    # "canines" is a noun; Portuguese "canino" is an adjective that still names the animal
    ("Management of neoplasms in five canines", "Five dogs with tumours were operated on and followed up.",
     ("dog",), None),
    ("PÊNFIGO FOLIÁCEO CANINO – RELATO DE CASO", ("Relata-se um caso em cão de dois anos com crostas no focinho, "
     "tratado com prednisona."), ("dog",), None),
]


_C11_NOT: list[_Not] = [
    # a screening over 1990-2015 plus a kennel outbreak: a study, though it also counts "eight puppies"
    ("Strongyloides in imported and kennel dogs", ("The parasite was found in 18 (0.5%) of imported dogs in "
     "quarantine during 1990-2015. A total of eight puppies bought from one kennel were also infected."), None),
]


# ---- cases added with classify-12 (after the first run on the tenth real held-out set; see eval/classify_heldout.md)
_C12: list[_Case] = [
    # "a fatal case ... and review of literature" is a case; the toad that poisoned the dog is not a patient
    ("A fatal case of toad (Bufo) intoxication in a Labrador dog and review of literature", ("A dog that chewed a "
     "toad was presented with salivation and arrhythmia and died despite treatment."), ("dog",), None),
    # "This paper reports a cluster of cases"
    ("Proventricular dilatation disease in parrots in a new region", ("This paper reports a cluster of cases seen "
     "in 2019. Clinical signs and autopsy findings are described."), ("parrot",), None),
]


_C12_NOT: list[_Not] = [
    # a poison given on purpose to six sheep is an experiment
    ("Experimental oleander toxicosis in sheep", ("Dried oleander leaves were administered orally to six native male "
     "sheep. Five sheep died within 12 h."), None),
]


# ---- cases added with classify-13 (after the first run on the eleventh real held-out set)
_C13_NOT: list[_Not] = [
    # people infected by "infected pet rats": the rats are the source, the patients are people
    ("An outbreak of cowpox: transmission by infected pet rats", ("We report 6 patients who had bought infected pet "
     "rats from one shop. Lesions were on the patients' necks."), None),
    # an overview whose diseases "are reviewed"
    ("Diseases of pet birds", ("Clinical signs of many companion birds are presented. Infectious and metabolic "
     "disorders common to each kind of bird are reviewed."), None),
]


# ---- cases added with classify-14 (between the eleventh and twelfth sets, from misses of earlier sets)
_C14: list[_Case] = [
    # Turkish: the calf is "buzağıda" (in a calf); "olgu sunumu" is a case report
    ("Bir buzağıda kalp anomalisi", ("Bu olgu sunumunda, kliniğe getirilen iki günlük bir buzağıda görülen kalp "
     "anomalisi tanımlandı."), ("cattle",), None),
    # a capitalised common name: the calf of an "Asian Elephant" is an elephant, not a cow
    ("Wound care in an orphaned calf", ("A 2-month-old female Asian Elephant calf was admitted with a deep wound on "
     "the leg. The wound healed after eight weeks of dressings."), ("elephant",), None),
]


# ---- cases added with classify-15 (after the first run on the twelfth real held-out set)
_C15: list[_Case] = [
    # "significantly improved" about the one cat of the title is a clinician's word, not a statistic
    ("Lidocaine infusion for pain relief in a cat with pancreatitis", ("A neutered male cat with pancreatitis "
     "presented with severe abdominal pain. A lidocaine infusion significantly improved its comfort and appetite, "
     "and the cat went home after five days."), ("cat",), None),
]

# ---- classify-16 (from a miss of the eleventh set): an adjective used as the animal's name
_C16: list[_Case] = [
    ("Botulism in a canine: signs and care", ("This report describes botulism in a canine. A canine, male, Beagle "
     "breed, two years old, was seen at the university hospital. After stabilising the patient, the animal was fed "
     "by tube and the patient went home after three weeks."), ("dog",), None),
    # "Friesian cross" names the dairy cow (from a miss of the tenth set)
    ("Uterine prolapse in a Friesian cross: a case report", ("A 400 kg Friesian cross was presented to the teaching "
     "hospital two days after calving with a prolapsed uterus. It was replaced under epidural anaesthesia."),
     ("cattle",), None),
]

# ---- classify-17 (after the first run on the thirteenth real held-out set)
_C17: list[_Case] = [
    # "reports the first occurrence of T. canis infecting a tayra": one wild animal's case (and a new species)
    ("First record of Toxocara canis parasitizing tayra (Eira barbara) in Peru", ("Toxocara canis is a roundworm of "
     "dogs and other canids. This study reports the first occurrence of T. canis infecting a tayra in Peru. The "
     "animal was found injured beside a road and its faeces held many eggs."), ("tayra",), None),
    # "a detailed characterization of a natural outbreak" in one farm, with its epidemiology, is one outbreak
    ("Natural shrub poisoning causing ataxia in sheep in Chile", ("This paper gives a detailed characterization of a "
     "natural outbreak of shrub poisoning in sheep. Twelve of 40 ewes on one farm became ataxic. The epidemiological "
     "setting and the brain lesions support the diagnosis."), ("sheep",), None),
]

_C15_NOT: list[_Not] = [
    # printed bone models copied from one named dog, compared in groups with P values: an in vitro study
    ("Plate fixation of femoral fractures in a printed canine bone model", ("This in vitro study compared three "
     "plates on printed femur models made from the CT scan of a 2-year-old Border Collie. Plate C was significantly "
     "stiffer than plates A and B (P < .01)."), None),
    # a survey of the owners of four dog breeds is not a case "of four small dogs"
    ("Why do people buy small dogs? A study of owners of four small dog breeds", ("Owners drawn from a national dog "
     "registry answered a survey about how they chose their dog. Owners of one breed planned less than others."),
     None),
    # a programme for many shelter dogs, told in the plural: "significantly longer" stays a statistic
    ("Evaluation of a New Dog Fostering Program", ("Shelter dogs were placed in foster homes until adopted. Dogs in "
     "the program stayed significantly longer before adoption, but fewer dogs were returned."), None),
]


# ---- classify-19 (from a miss of the fifth set): Turkish "X vakası" is "a case of X"
_C19: list[_Case] = [
    ("Bir kuzuda saptanan şap vakası", ("Vaka, kliniğe muayene için getirilen 6 aylık, dişi bir kuzudur. Ağızda ve "
     "ayaklarda yaralar görüldü."), ("sheep",), None),
]


# ---- classify-18 (after the first run on the fourteenth real held-out set): small groups that are studies
_C18_NOT: list[_Not] = [
    # dogs chosen because they "met the inclusion criteria" form a prospective study, however few
    ("Oral sedation in capsules for fractious shelter cats", ("To determine whether oral gabapentin in treats sedates "
     "cats before handling. 10 cats met the inclusion criteria. Seven of the 10 cats ate the treats and four were "
     "sedated within an hour."), None),
    # semen from a few boars, frozen with an additive in several groups: laboratory work
    ("Boar semen freezing with added vitamin E", ("Ejaculates were collected from five boars and pooled. The pooled "
     "semen was divided into the four treatment groups and frozen in a standard extender. Motility showed a "
     "significant elevation at the highest dose."), None),
    # healthy dogs used to demonstrate a scanning technique are not patients
    ("Ultrasound of the canine shoulder muscles: a practical technique", ("3 clinically healthy client-owned "
     "Labrador Retrievers were used to show the technique. Each muscle was scanned in two planes."), None),
]


# ---- classify-20 (after the first run on the fifteenth real held-out set): studies that look like series
_C20_NOT: list[_Not] = [
    # a reanalysis of public sequencing data from a few cats is laboratory work
    ("Inflammation genes in the kidneys of cats with kidney disease: a secondary analysis", ("Public RNA-seq data "
     "from kidney samples of 4 cats were analysed. Six genes changed with disease stage by likelihood ratio tests."),
     None),
    # a "case series" of 16 dogs with Kaplan-Meier survival and confidence intervals is a cohort study
    ("Outcome of weekly radiotherapy for nasal tumours in dogs: a retrospective case series", ("Sixteen dogs were "
     "treated once a week. Survival was estimated by the Kaplan-Meier method; median survival was 300 days (95% "
     "CI, 210-380 days)."), None),
    # "a prospective study of eight dogs" is a study, not a series of cases
    ("Repair of cleft lip in puppies: a prospective study of eight dogs", ("Eight client-owned puppies with cleft "
     "lips were operated on with a new technique. Healing was good in all dogs at three months."), None),
]


# ---- classify-21 (after the first run on the sixteenth real held-out set)
_C21: list[_Case] = [
    # a sifaka is a lemur
    ("First report of a tapeworm cyst in a crowned sifaka (Propithecus coronatus)", ("CASE PRESENTATION: A "
     "4-year-old sifaka in a zoo presented with weakness of one leg. A liver cyst held tapeworm larvae."), ("lemur",),
     None),
]

_C21_NOT: list[_Not] = [
    # an epidemiological title "in a large population of dogs" names a study population, not one animal
    ("Epidemiological distribution of brain MRI findings in a large population of dogs with seizures", ("MRI scans "
     "of dogs with seizures were grouped by cause. Of 300 scans, 40% showed a lesion."), None),
    # "one in 10 cats" is a rate, not ten cases
    ("Care options for diabetic cats", ("About one in 10 cats with diabetes is put to sleep at diagnosis. This review "
     "presents treatment options that owners and veterinarians can discuss, from simple to intensive care. Owner "
     "concerns and costs shape the choice."), None),
]


# ---- classify-22 (after the first run on the seventeenth real held-out set)
_C22: list[_Case] = [
    # an owners' follow-up questionnaire does not make a self-described case series a survey
    ("Screw fixation of elbow fractures in French bulldogs", ("Retrospective single-centre case series. Records of 30 "
     "dogs were reviewed. Owners answered a questionnaire about the long-term outcome; 80% were satisfied."),
     ("dog",), None),
    # "ten stifles of eight dogs": the eight dogs are the animals (a body part is no total)
    ("Meniscal suture in dogs: technique and clinical use", ("Ten stifles of eight client-owned dogs with meniscal "
     "tears were treated with the new technique. No complications occurred during six months."), ("dog",), None),
    # "we describe a canine glioblastoma ... at autopsy": one dog's case
    ("Fluorescent detection of a canine glioblastoma", ("Here we describe a canine glioblastoma that was found at "
     "autopsy after the dog had been given a fluorescent dye by mouth."), ("dog",), None),
]

_C22_NOT: list[_Not] = [
    # a case series of nine cats analysed with statistical tests is a study
    ("Outcomes of 9 cats after tendon repair with a new implant", ("This case series reviewed 9 cats treated with the "
     "implant. Statistical analysis used non-parametric tests. Eight cats walked normally at one year."), None),
    # "significantly larger" is statistics too
    ("Brain swelling in dogs with brain tumours given steroids", ("Retrospective case series of 40 dogs. Responders "
     "had significantly larger decreases in swelling than nonresponders."), None),
    # immunostaining of archived tumour blocks is laboratory work
    ("A marker in canine meningiomas", ("Here, we describe an immunohistochemical study on 20 formalin-fixed "
     "paraffin-embedded canine meningiomas. Staining was membranous in six cases."), None),
]


# ---- classify-23 (after the first run on the eighteenth real held-out set)
_C23: list[_Case] = [
    # "avian influenza" names the virus; the patient is the fox
    ("Fatal avian influenza in a free-ranging red fox", ("We describe fatal avian influenza in a red fox found near "
     "a wetland. The fox had eaten wild birds and died shortly after rescue."), ("fox",), None),
]

_C23_NOT: list[_Not] = [
    # "in one dog" of a prospective study of ten dogs is one of many, not a single case
    ("Laparoscopic gastropexy in large dogs", ("STUDY DESIGN: Prospective study. ANIMALS: 10 client-owned dogs. "
     "Adhesions were detected at a port site in one dog. All dogs recovered without other complications."), None),
    # a video tutorial that shows a technique on "a cat" is a how-to, not a case
    ("Placement of an oesophagostomy tube in a cat", ("OBJECTIVE: To provide a video tutorial showing how to place an "
     "oesophagostomy tube in a cat. The patient is placed under general anaesthesia in right lateral recumbency."),
     None),
    # a cadaver study with one clinical case added is a cadaver study
    ("Skin flaps based on the caudal artery: a cadaveric study in cats and a case report", ("Eight cat cadavers were "
     "injected with contrast to map the skin that the artery supplies. A flap was then used to close a wound in one "
     "cat."), None),
]


# ---- classify-24 (after the first run on the nineteenth real held-out set)
_C24: list[_Case] = [
    # "a retrospective, case series study" names itself a case series
    ("CT features of orbital tumours in dogs", ("The objective of this retrospective, case series study was to "
     "describe the CT features of orbital tumours in dogs. Nine dogs met the inclusion criteria."), ("dog",), None),
    # an owners' telephone questionnaire for follow-up does not make a clinical series a survey
    ("Acetabular rim implants for hip luxation in dogs", ("Nine dogs with hip luxation after hip "
     "replacement were treated with the implant. A standardised owner telephone questionnaire assessed the "
     "long-term outcome."), ("dog",), None),
]

_C24_NOT: list[_Not] = [
    # "fifty 28-day-old piglets" is a group's age, not one animal's signalment
    ("An essential oil in immune-stressed weaned piglets", ("A total of fifty 28-day-old piglets were randomly "
     "assigned to five groups. Gut barrier markers were significantly higher with the oil (p < 0.05)."), None),
    # computer simulations on CT models of six dogs are laboratory work
    ("Cup angle and hip motion after simulated hip replacement in dogs", ("For 6 dogs, CT scans were used to build "
     "models of a hip implant. 2,000 computer simulations were run for each cup angle."), None),
    # morphometry of zoo specimens is an anatomy study
    ("Comparative eye morphology of wild cats", ("This study describes and compares the eyes of a snow leopard (n = 1) "
     "and two lions (n = 2). Morphometric analyses were performed on the eyeball; orbital morphometry used skull "
     "material."), None),
]


# ---- classify-25 (after the first run on the twentieth real held-out set)
_C25: list[_Case] = [
    # "This paper presents six cases of dogs" presents cases, not a review
    ("Long-term use of hormone implants in dogs: six cases (2010-2020)", ("This paper presents six cases of dogs "
     "treated for years with a hormone implant. Two dogs later developed tumours."), ("dog",), None),
    # one dog in the title and its signalment: reference genomes of many dogs do not make it a study
    ("A new gene variant in a dog with high blood calcium", ("A 6-year-old spayed female Border Collie had high "
     "blood calcium for two years. The variant was absent from genome data of 1,500 dogs, including 40 Border "
     "Collies."), ("dog",), None),
]

_C25_NOT: list[_Not] = [
    # cryostat sections stained by immunohistochemical techniques: laboratory work on tissue of a few dogs
    ("Nerve fibres in the canine shoulder joint capsule", ("Joint capsules of 8 dogs were cut with a cryostat and "
     "studied with immunohistochemical techniques. Most fibres were sensory."), None),
]


# ---- classify-27 (after the first run on the twenty-first real held-out set)
_C27_NOT: list[_Not] = [
    # "Thirty-four cases" counts 34 cases, not four
    ("Sarcoids in donkeys at a sanctuary", ("Thirty-four cases of sarcoid were seen in donkeys at the sanctuary. "
     "Lesions were most often on the head and limbs."), None),
    # the 19 dogs of a cohort study are its animals, not the size of one group that is the case
    ("Stents for tracheal collapse in dogs", ("A clinical cohort study including 19 dogs with tracheal collapse. "
     "Three dogs had a single procedure and the rest had two. Most dogs were alive at one year."), None),
    # a self-styled case series whose findings are odds ("3 times more likely") is a statistical study
    ("Cast sores in cats after fracture repair", ("A case series of 90 cats given casts after fracture repair. Cats "
     "with a long cast were 3 times more likely to develop sores; cast length was a significant predictor."), None),
]


# ---- classify-28 (after the first run on the twenty-second real held-out set)
_C28: list[_Case] = [
    # "five cases (2019-2023)" in a title is how a small case series names itself, even in a retrospective study
    ("Ear nerve blocks in cats having ear canal surgery: five cases (2019-2023)", ("All cats given the block at two "
     "referral centres between 2019 and 2023 were considered for this retrospective study. Records of five cats "
     "were found; all recovered without pain relief beyond the block."), ("cat",), None),
    # a technique article shown on two clinical cases
    ("A keyhole approach to the canine shoulder joint", ("This technique article, illustrated by two clinical cases, "
     "describes a keyhole approach to the shoulder in dogs. The approach gave a clear view of the joint."),
     ("dog",), None),
    # a clinic's few past cases, gathered from its records: the inclusion criteria are how they were found
    ("Surgery for a brain tumour with herniation in cats", ("The medical records of cats operated on for a brain "
     "tumour with herniation were reviewed. Six cats met the inclusion criteria. Median survival was 400 days "
     "(range 50-1200 days)."), ("cat",), None),
    # the records searched are not the animals described: "thirty dogs ..., of which four met the criteria"
    ("Glue to stop bleeding from the vena cava in dogs", ("Medical records were retrospectively reviewed. Thirty "
     "dogs having adrenal surgery were identified, of which four met the inclusion criteria. All four dogs "
     "survived to discharge."), ("dog",), None),
]

_C28_NOT: list[_Not] = [
    # pets enrolled in a prospective study: a title count ("in 5 cats and 1 dog") is no case title
    ("Plate fixation corrects a sunken chest in 5 cats and 1 dog", ("Owned kittens and puppies with a sunken chest "
     "were enrolled in the study over two years. A plate was wired along the breastbone. All animals "
     "recovered."), None),
    # the authors call it a cross-sectional study, however few dogs
    ("CT and tissue findings in three dogs with spreading lung cancer", ("In this retrospective cross-sectional "
     "study, three dogs with lung cancer spread along the airways were reviewed. Tumour cells filled the tissue "
     "around the airways."), None),
    # "14 patients": the total, though only "two dogs" are counted by species
    ("Temporary locking plates across the knee joint", ("The medical records of dogs and cats treated with a "
     "temporary plate were retrospectively evaluated. The plate was used in 16 knees in 14 patients, with two "
     "dogs treated on both sides. One major complication was seen."), None),
]


# ---- classify-29 (after the first run on the twenty-third real held-out set)
_C29: list[_Case] = [
    # one animal "presented with" its signs, though no age is given
    ("Surgical repair of a canine skull base defect", ("Skull base defects are rare in dogs. In this case, a "
     "young Beagle presented with seizures. The defect was closed with a bone graft and the seizures stopped."),
     ("dog",), None),
    # a "patient-specific" implant is no human patient
    ("Revision of a patient-specific knee implant in a dog", ("This report describes a 7-year-old dog with a "
     "failed patient-specific implant. A second implant restored limb use."), ("dog",), None),
    # a clinic's few cases gathered "over a 20-year period" are a case series, not a study
    ("Fungal joint infection in dogs", ("This study included 9 dogs with the fungal infection and "
     "joint swelling seen at a referral hospital over a 20-year period. All dogs were lame. Seven dogs "
     "recovered with antifungal drugs."), ("dog",), None),
    # "two dogs ... and one cat": both are patients
    ("Contrast MRI of head tumours in small animals: a case series", ("Three client-owned animals (two dogs with "
     "brain tumours and one cat with an ear canal tumour) had MRI before radiation therapy."), ("cat", "dog"),
     None),
    # a tegu is a lizard
    ("Case report: bone cancer in a young tegu", ("A 4-month-old black and white tegu presented with a mass on its "
     "side. The mass was removed."), ("lizard",), None),
]

_C29_NOT: list[_Not] = [
    # case reports and small case series named as the literature, in a registry study with results that
    # "significantly affected" outcome
    ("A registry for tumour treatment in cats", ("Evidence for the treatment comes from case reports and small case "
     "series. We built a registry and entered data of cats treated from 2012 to 2024. Tumour size significantly "
     "affected response."), None),
]


# ---- classify-30 (after the first run on the twenty-fourth real held-out set)
_C30: list[_Case] = [
    # "We report a cat with ...": one animal's case, though neither its age nor a clinic is named
    ("Lung cancer spread to the toes treated with a cancer drug", ("Lung cancer is rare in cats. We report a cat "
     "with lung cancer that had spread to several toes. The drug kept the cat comfortable for a long time."),
     ("cat",), None),
]

_C30_NOT: list[_Not] = [
    # "an ex vivo study and case report": the cadaver study is the design, the one dog an aside
    ("Endoscopic spinal surgery in dogs: an ex vivo study and case report", ("Ten beagle cadavers had the "
     "procedure on both sides. One dog with a spinal cord disease then had the same surgery and recovered."), None),
    # cells isolated and cultured, screened and differentiated in the laboratory, then given to two old pets
    ("Stem cells for old cats and dogs with chronic disease", ("Stem cells from cats and dogs were isolated and "
     "cultured with small-molecule compounds, and their differentiation potential was tested. The cells were "
     "then given to a 7-year-old cat with liver disease and a 15-year-old dog with kidney disease."), None),
    # cadavers and "24 live patients" of a feasibility study: the cadavers' species are not a series of cases
    ("Clinical feasibility of a new CT scanner for dogs and cats", ("This study aimed to optimise a new scanner for "
     "veterinary practice. Images of four cadavers (two dogs and two cats) were compared with standard CT. The "
     "scanner was then used in 24 live patients and helped to find small fractures in dogs and cats."), None),
    # "of a new wound gel in dogs": the article belongs to the gel, so the title names no single animal
    ("Use of a new wound gel in dogs", ("Six dogs with wounds were given the gel in this prospective study. Wounds "
     "healed in all dogs."), None),
    # sequencing libraries of tumours: laboratory work, whatever a few cats are said to have had
    ("Tumour genes in cats with mouth cancer", ("Thirty matched tumour samples were sequenced. Exome libraries were "
     "pooled and sequencing reagents were used as described. Six cats had changes in one gene."), None),
]


# ---- classify-31 (after the first run on the twenty-fifth real held-out set)
_C31: list[_Case] = [
    # the rabbit and goat of "rabbit polyclonal" and "goat anti-dog" antibodies are reagents, not patients
    ("A skin tumour in a dog", ("A 9-year-old spayed female Boxer had a skin mass. The tumour cells stained with a "
     "rabbit polyclonal antibody and a goat anti-dog IgG."), ("dog",), None),
]

_C31_NOT: list[_Not] = [
    # "of a Rabbit Anti-Canine ... Antibody": the rabbit made the antibody; transduced Jurkat cells are lab work
    ("Making of a Rabbit Anti-Canine Antibody for Lymphoma Tests", ("Lymphoma is common in dogs. A monoclonal "
     "antibody was generated and a receptor gene was transduced into Jurkat cells with lentiviral vectors."), None),
    # blood samples screened for a parasite: the few positive cats are a prevalence finding, not a case series
    ("A blood parasite in pet cats", ("A total of 300 blood samples from pet cats were analysed by PCR. Three "
     "samples were positive, and all three animals had low platelet counts."), None),
]

# ---- cases added with classify-32 (after the first run on the twenty-sixth real held-out set)
_C32: list[_Case] = [
    # "the incidence of re-narrowing" and "reference ranges" are named, never measured: no study of two or five dogs
    ("Laser ablation of a subaortic membrane: 2 cases",
     ("The membrane was ablated in two dogs with exercise intolerance. Ablation may lower the later incidence of "
      "re-narrowing. Both dogs were free of signs a year later."), ("dog",), None),
    ("Fatal myocarditis in police dogs: five cases",
     ("We describe the deaths of five police dogs. Medical records were reviewed. Troponin was high in four dogs, "
      "although reference ranges after death are not known. All five dogs had myocarditis at necropsy."),
     ("dog",), None),
    # "significant improvement" in a self-described case series with no P value is a clinician's word
    ("Nasal oxygen in three cats with lung oedema",
     ("This case series describes three cats with lung oedema that did not respond to diuretics. Nasal oxygen gave "
      "a significant improvement in breathing. Two cats went home; one was euthanased."), ("cat",), None),
]
_C32_NOT: list[_Not] = [
    # a prevalence that the record measures (a percentage) still makes a small count a study
    ("Heart murmurs in shelter kittens",
     ("The prevalence of heart murmurs was 4% in shelter kittens. Eight kittens with murmurs had echocardiography "
      "and two had a septal defect."), None),
    # a prospective case series whose scores were "significantly reduced" over set time points is a study
    ("Bone cement for bone pain in eight dogs",
     ("This prospective case series evaluated pain scores in eight dogs after bone cement was injected. Scores were "
      "recorded at 2, 4 and 8 weeks, and pain was significantly reduced at every time point."), None),
]

# ---- cases added with classify-33 (after the first runs on the twenty-seventh and twenty-eighth real held-out sets)
_C33: list[_Case] = [
    # "clinicians" in a veterinary journal are vets, not human patients; "case report and literature review"
    ("Heartworm reaches a new country: case report and literature review",
     ("Heartworm remains a challenge for clinicians unfamiliar with the parasite. This review aims to describe the "
      "first case of heartworm infection in a dog living in Norway and to summarise the literature."), ("dog",),
     "Frontiers in veterinary science"),
    # "case studies and a comparative review" names the clinic's own cases first
    ("Lobectomy: three case studies and a comparative review",
     ("Lobectomy was performed in two dogs and one cat. One dog died after surgery and the remaining animals "
      "survived. Postoperative complications were seen in the cat, and postoperative care was long."),
     ("cat", "dog"), None),
    # "clinicopathological correlations" is no statistic
    ("Aortic rupture in three cats: clinicopathological correlations",
     ("We describe a series of 3 cats with aortic rupture. Two cats collapsed suddenly. In all the cats of this "
      "case series, blood pressure was normal."), ("cat",), None),
    # "the dogs of this report" names the record a case report
    ("Pulmonary stenosis in related Boxer puppies",
     ("Pulmonary stenosis was diagnosed in several related 10- to 16-week-old Boxer puppies. The dogs of this report "
      "shared a sire, and all were treated by balloon valvuloplasty."), ("dog",), None),
    # a treatment "given to three of the cats" is care for some of the patients, not dosing of laboratory animals
    ("Hypocalcaemia in four cats",
     ("Hypocalcaemia was diagnosed in four young cats. Oral calcium was given to three of the cats for a year. All "
      "four cats did well."), ("cat",), None),
]
_C33_NOT: list[_Not] = [
    # "This difference was not significant": a test, so a self-described case series is a study
    ("Pericardial effusion in dogs: 10 cases (2001-2010)",
     ("DESIGN: Retrospective case series. ANIMALS: 10 dogs. Survival of treated dogs was 150 days and of untreated "
      "dogs 20 days. This difference was not significant."), None),
    # "decreased significantly" before and after surgery is a test
    ("Valve repair in seven dogs",
     ("Seven dogs underwent valve repair. Left atrial size decreased significantly from 2.5 before to 1.8 after "
      "surgery."), None),
    # "not significantly different" is a test too
    ("Balloon dilation of aortic stenosis in five dogs",
     ("Five client-owned dogs with aortic stenosis underwent balloon dilation. Two dogs were clinically normal a year "
      "later. Pressure gradients at 3 months were not significantly different from values before dilation."), None),
    # screening five dogs' DNA for mutations with designed primers is laboratory work
    ("The titin gene in dogs with dilated cardiomyopathy",
     ("ANIMALS: 5 dogs with cardiomyopathy. Genomic DNA was isolated from blood, and primers were designed to "
      "amplify the coding region. These regions were screened for mutations. No mutations were found."), None),
    # a bracketed breakdown by species counts all of them: "(9 dogs and 11 cats)" is 20 animals
    ("Surgery for chylothorax",
     ("Twenty animals with chylothorax (9 dogs and 11 cats) underwent surgery over five years. Fluid resolved after "
      "surgery in most dogs and cats."), None),
    # "Case history was obtained" is a method step in a study, not a case heading
    ("Reference ranges for heart ultrasound in whippets",
     ("OBJECTIVES: To set reference ranges. METHODS: Privately owned healthy whippets were included. Case history "
      "was obtained and each dog was examined. Associations were tested by multiple linear regression."), None),
]

# ---- cases added with classify-34 (after the first runs on the twenty-ninth and thirtieth real held-out sets)
_C34: list[_Case] = [
    # one cat named in the title and described in the abstract: a healthy control cat and sequenced cats are references
    ("A new gene variant causes a bleeding disorder in a cat",
     ("A young male cat presented with nosebleeds. Platelet function was compared with a healthy control cat, and "
      "the genome was compared with 150 sequenced cats. A frameshift variant explained the disorder."), ("cat",),
     None),
    # "four dogs and a cat": the cat is a patient too; a porcupine's quills make it no patient
    ("Heart defects in four dogs and a cat",
     ("This report describes five cases: four dogs and a young cat, all with cyanosis. Two dogs died; the cat lived "
      "for a year."), ("cat", "dog"), None),
    ("Heart infection after porcupine quill migration in a dog",
     ("A dog was quilled by a porcupine a month before it presented with a new murmur. A quill was removed from the "
      "heart, and the dog recovered."), ("dog",), None),
]
_C34_NOT: list[_Not] = [
    # "P less than 0.01": old abstracts spell out the test
    ("Heart size in eight dogs with valve disease",
     ("Eight dogs with valve disease had echocardiography. The left atrium was larger (P less than 0.01) and the "
      "wall thinner (P less than 0.05) than expected."), None),
    # heart failure "was created in" or "induced" in dogs, a "model in dogs", worms "surgically transplanted",
    # "conscious dogs": experiments on research dogs
    ("Lung function in dogs with valve leakage",
     ("Valve leakage was created in 2 groups of dogs. Group 1 dogs had no heart failure and group 2 dogs had heart "
      "failure with low oxygen."), None),
    ("Drug effects in dogs with induced heart failure",
     "Six dogs with induced heart failure were given the drug by mouth each hour, and cardiac output rose.", None),
    ("Two bone plates in a fracture model in dogs",
     "Bone gaps were fixed with two kinds of plate in 6 dogs, one kind on each leg. The coated plates healed faster.",
     None),
    ("Chest radiographs after heartworm treatment in six dogs",
     ("Adult heartworms were surgically transplanted into each of 6 dogs. Four weeks later all six dogs received an "
      "adulticide and had weekly radiographs."), None),
    ("A sedative and heart rate in conscious dogs",
     ("Heart rate and blood pressure were recorded in 5 conscious male dogs after a sedative. Heart rate fell in "
      "every dog, and atropine reversed it."), None),
    # a title listing "seven dogs and nine cats" describes 16 animals
    ("Heart rhythm problems in seven dogs and nine cats",
     ("The rhythm problem was found in dogs and cats examined for weakness. Fast rhythms were controlled with "
      "digoxin in most animals."), None),
    # "a review of 38 cases" is a retrospective study, not a self-described case series
    ("Heart tumours in the dog: a review of 38 cases",
     ("Over ten years a heart tumour was diagnosed in 38 dogs at one hospital. Surgery was tried in 9 dogs, and "
      "complications were common."), None),
    # "10 dogs with cardiomyopathy and 7 dogs without signs of cardiac disease": a control group
    ("Heart muscle changes in cardiomyopathy in a dog breed",
     ("Heart samples were taken from 10 dogs with cardiomyopathy and from 6 dogs without signs of cardiac disease. "
      "Fibrosis was more common in the affected dogs."), None),
    # "we recruited 10 affected dogs": enrolment in a study
    ("A gene deletion causes retinal disease in dogs",
     "We recruited 10 affected dogs to the study. Two were followed for two years, and all had retinal atrophy.", None),
]

# ---- cases added with classify-35 (after the first runs on the thirty-first and thirty-second real held-out sets)
_C35: list[_Case] = [
    # "describes the first case of <a long procedure> in a dog": one animal's case, however long the phrase
    ("Catheter closure of a muscular septal defect",
     ("Septal defects are common in dogs. This report describes the first case of catheter closure of a naturally "
      "occurring muscular septal defect using a nitinol occluder device in a dog with pulmonic stenosis."),
     ("dog",), None),
    # a signalment in the title ("in a four-month-old male Newfoundland dog") and in the abstract: three control
    # dogs used for histology are references, not a control group of a study
    ("Aortic dilation in a four-month-old male Newfoundland dog: lifelong follow-up",
     ("A 4-month-old male Newfoundland dog was presented for a heart murmur. The aorta stayed dilated for ten years. "
      "At necropsy its aorta was compared with those of three control dogs."), ("dog",), None),
    # "dogs without evidence of heart disease" describes the patients themselves, not a control group
    ("Aortic valve flutter in 5 dogs",
     "Valve flutter was seen on echocardiography in 5 large dogs without evidence of structural heart disease.",
     ("dog",), None),
]
_C35_NOT: list[_Not] = [
    # "Univariate analyses were performed": statistics in a small series
    ("Pleural effusion in seven cats",
     ("Seven cats with pleural effusion were described. Univariate analyses were performed to find predictors of "
      "severity."), None),
    # "P value 0.03" spelled without a comparison sign
    ("Juvenile arrhythmias in 9 dogs: a case series",
     ("This case series describes 9 young dogs with arrhythmias. Ectopic beats fell by 80% a year (P value 0.03) "
      "on Holter recordings."), None),
    # "10 dogs with cardiomyopathy and 7 dogs without signs of heart disease": a control group
    ("Myocardial fibrosis in a dog breed",
     ("Heart samples came from 10 dogs with cardiomyopathy and 7 dogs without signs of heart disease. Fibrosis was "
      "more common in the affected dogs."), None),
]

# ---- case added with classify-36 (after the first runs on the thirty-third and thirty-fourth real held-out sets)
_C36: list[_Case] = [
    # "shepherd" inside the breed name "German shepherd dog" is no person
    ("A pacemaker in a German shepherd dog with heart block",
     ("This report describes a pacemaker implanted in a young German shepherd dog with complete heart block. The dog "
      "was well a year later."), ("dog",), None),
]


# ---- cases added with classify-37 (after the first runs on the thirty-fifth and thirty-sixth real held-out sets)
_C37: list[_Case] = [
    # "A ... dog was diagnosed with": one animal, no age given
    ("Oesophageal tear after a stick injury",
     ("A young collie dog was diagnosed with an oesophageal tear after chasing sticks. The tear was repaired "
      "through a thoracotomy and the dog recovered."), ("dog",), None),
    # "A ... queen exhibited clinical signs": one animal described with an active verb
    ("Complete heart block from low blood calcium",
     ("A thin, weak nursing queen exhibited clinical signs of collapse. The electrocardiogram showed complete heart "
      "block and the cat recovered after calcium was given."), ("cat",), None),
    # "born to clinically healthy parents": the family of the cases, not a comparison group
    ("Juvenile heart failure in related spaniels",
     ("A fatal heart disease was found in 8 related spaniels by reviewing necropsy records. The puppies were born "
      "to clinically healthy parents and died of heart failure before six months of age."), ("dog",), None),
    # "All 4 dogs were treated with ...": care of patients, not dosing of laboratory dogs
    ("Aberrant heartworm migration in four dogs",
     ("Four dogs seen at a university clinic were reviewed; the diagnosis was confirmed by ultrasound in each case. "
      "All 4 dogs were treated with an adulticide and 3 survived."), ("dog",), None),
    # "Two young dogs were diagnosed as having ...": patients, not young laboratory dogs
    ("Tricuspid dysplasia: a report of 2 cases in the dog",
     ("Two young dogs were diagnosed as having tricuspid dysplasia. Both had right-sided murmurs and one had "
      "surgery."), ("dog",), None),
]
_C37_NOT: list[_Not] = [
    # "One dog developed ...": one of a study's animals, not a one-animal case
    ("Tolerance of an oral antiparasitic in puppies",
     ("Healthy puppies were dosed weekly for eight weeks. One puppy developed diarrhoea that resolved without "
      "treatment."), None),
    # "(controls)": a control group named in brackets
    ("Myocardial enzyme content in cardiomyopathy",
     ("Heart samples were taken from 8 Great Danes with cardiomyopathy and 8 mixed-breed dogs without heart disease "
      "(controls). Enzyme activity was lower in the affected dogs."), None),
    # "To test the hypothesis": a study, whatever its size
    ("Ventricular fibrosis in Doberman pinschers",
     ("OBJECTIVE: To test the hypothesis that fibrosis causes arrhythmias in Dobermans. ANIMALS: 7 Doberman "
      "pinschers with arrhythmias. RESULTS: Fibrosis was found in 6 hearts."), None),
    # "A comparative study of two drugs": a trial
    ("A comparative study of two sedatives in dogs",
     ("A comparative study of two sedatives was done. Two of 10 dogs given the first drug vomited. None of 8 dogs "
      "given the other drug vomited."), None),
    # an artery "ligated ... in 8 dogs" and "conscious dogs given" a drug: an experiment
    ("Effects of a drug on arrhythmias after coronary ligation in dogs",
     ("A coronary artery was ligated under anaesthesia in 8 dogs. Awake dogs given the drug had fewer ectopic "
      "beats."), None),
    # "clinically normal adult dogs": healthy animals studied
    ("Sinus arrhythmia in dogs",
     ("Clinically normal adult dogs and young pups were recorded by telemetry. Sinus arrhythmia was seen in 70% of "
      "10 adult dogs."), None),
]

# ---- cases added with classify-38 (after the first runs on the thirty-seventh and thirty-eighth real held-out sets)
_C38: list[_Case] = [
    # "were determined in a <breed> with ...": one animal's recording
    ("Holter patterns in sinus node disease",
     ("Heart rates over 24 hours were determined in a Labrador retriever with sinus node disease and fainting. The "
      "patterns changed with each pause."), ("dog",), "Journal of Veterinary Cardiology"),
]
_C38_NOT: list[_Not] = [
    # "a repeated-measures design": a study of a group measured over time
    ("Blood volume after a steroid injection in cats",
     ("ANIMALS: 10 cats given a steroid for skin disease. PROCEDURE: The study used a repeated-measures design, with "
      "tests before and twice after the injection. RESULTS: Plasma volume rose in most cats."), None),
    # "a crossover study" of a drug in a few dogs: a trial
    ("Two antiarrhythmic drugs in dogs with ventricular arrhythmias",
     ("Eight client-owned dogs with ventricular arrhythmias were given two drugs in a crossover design. Ectopic "
      "beats fell with both."), None),
    # a family of cats and healthy controls: one kitten named among the groups is no case of its own
    ("Strain imaging in a family of cats with muscular dystrophy",
     ("The study animals were 20 healthy controls and 6 related cats (2 affected males, 2 carrier females and one "
      "3-month-old affected male kitten). Strain was low in every affected and carrier cat."), None),
]

# ---- cases added with classify-39 (after the first runs on the thirty-ninth and fortieth real held-out sets)
_C39: list[_Case] = [
    # "mean ± SD" for a handful of animals describes them; it tests nothing
    ("Stent placement in 9 dogs and one cat after failed surgery",
     ("ANIMALS: Ten client-owned animals. METHODS: This retrospective study reviewed the records of animals whose "
      "surgery had failed. Ages are given as mean ± SD. RESULTS: The stent was placed in all 9 dogs and the cat, "
      "and all did well."), ("cat", "dog"), None),
]
_C39_NOT: list[_Not] = [
    # a Bland-Altman comparison of two devices in a few animals: a method study
    ("A wearable monitor measures heart rate accurately in dogs",
     ("ANIMALS: 9 client-owned dogs under anaesthesia. METHODS: Heart rates from a wearable monitor and an ECG were "
      "compared with a Bland-Altman plot; limits of agreement were narrow. Data are mean ± SD."), None),
]

# ---- cases added with classify-40 (after the first run on the forty-first real held-out set: livestock, zoo and
# wildlife outbreaks from a veterinary public-health institute); the ferret and the rabbit cases are guards
_C40: list[_Case] = [
    # the herd's size ("a 1200 sows ... holding") is the one farm, not 1200 cases
    ("Repeated influenza episodes in a pig holding",
     ("In a 1200 sows farrow-to-finish holding, respiratory disease recurred in weaned pigs from March to October. "
      "Influenza A virus was isolated from nasal swabs in each episode and typed."), ("pig",), None),
    # a prevalence the background only mentions does not make a herd outbreak a study
    ("First outbreak of algal mastitis in Italy",
     ("Algal mastitis is rare, and its prevalence has so far been attributed mostly to one species. We report here "
      "the first outbreak caused by a second species in a dairy herd. Milk from every cow was cultured and five "
      "cows were positive."), ("cattle",), None),
    # a bracketed virus name before "outbreak in a ... colony"; the colony's tested animals are not a study
    ("Canine distemper virus (CDV) outbreak in a ferret colony",
     ("Fever, nasal discharge and crusted footpads appeared in the ferrets of one breeding colony within two weeks, "
      "and several died. The virus was found in the lungs of two ferrets at necropsy, and antibodies in 20 of 34 "
      "ferrets tested."), ("ferret",), None),
    # "open-field" names a kind of zoo park here, not a behaviour test
    ("Virus infection in lemurs of an open-field zoo park",
     "Three lemurs died suddenly; the virus was isolated from the heart.", ("lemur",), None),
    # a year before a singular name counts no animals: 2010 is not a number of rabbits
    ("The 2010 Rabbit haemorrhagic disease virus variant in a pet rabbit",
     ("A 3-year-old pet rabbit died suddenly at home. Necropsy showed acute hepatitis, and the new virus variant "
      "was detected in the liver."), ("rabbit",), None),
]
_C40_NOT: list[_Not] = [
    # "in a population of" names a population studied, not one case
    ("Earlier exposure to a harmless virus lowers mortality in a population of wild foxes",
     "We analysed antibody data collected in the field over ten years and modelled infection and survival.", None),
    # a pilot study of a method on a few stranded animals
    ("A diatom test for drowning in stranded dolphins: a pilot study",
     ("Bone marrow from six dolphins found dead on the coast was examined for diatoms; diatoms were found in 3 "
      "animals thought to have drowned in nets."), None),
    # calves "sedated and inoculated endotracheally with" a strain: an experiment
    ("Diagnosis of bovine tuberculosis in calves sensitised by environmental mycobacteria",
     ("Three calves that reacted to avian tuberculin were sedated and inoculated endotracheally with a virulent "
      "strain of Mycobacterium bovis, and three more were housed with them. Nasal swabs and skin tests were "
      "followed for six months."), None),
]

# ---- cases added with classify-41 (after the first run on the forty-second real held-out set: antimicrobial
# resistance in wildlife); the pelican case is a guard
_C41: list[_Case] = [
    # guard: a zoo that "had an outbreak" is still one outbreak; only an "ongoing" or "endemic" one is background
    ("Salmonellosis in pelicans",
     ("A small zoo had an outbreak of salmonellosis: four pelicans died within a week, and Salmonella was isolated "
      "from their livers at necropsy."), ("bird",), None),
]
_C41_NOT: list[_Not] = [
    # "the three largest trout producing countries" counts countries, not three trout
    ("Comparing fish farming rules in the three largest trout producing countries",
     ("This paper compares national rules on antibiotic use and escapes in the three largest trout producing "
      "countries with a private certification standard."), None),
    # a genome announcement names the isolate's source animal in its title; the isolate is the subject
    ("Whole genome sequence of a multidrug-resistant Klebsiella isolate from a wound in a rescued sea turtle",
     ("The draft genome of a multidrug-resistant Klebsiella pneumoniae isolate was sequenced on a short-read "
      "platform and assembled; it carries resistance genes to aminoglycosides and beta-lactams."),
     None),
    # "from a scavenging raptor species" names a species sampled, not one bird
    ("Resistance of Salmonella isolated from a scavenging raptor species, the black kite",
     ("We tested Salmonella recovered from black kites at three roosts near landfills for resistance to eight "
      "antimicrobial drugs; multiresistance was common."), None),
    # an "ongoing outbreak" in a region's wildlife is background to an isolate survey
    # guard: once "28 wild elk origin isolates" counts no elk, the 28 isolates still make it a laboratory series
    ("Drug susceptibility of Mycobacterium bovis from hunted elk",
     ("Colorado has had an ongoing outbreak of bovine tuberculosis in its free-ranging elk since 2001. Isolates from "
      "30 elk shot in the 2015 season are reported here; none was resistant to first-line drugs."), None),
]

# ---- cases added with classify-42 (after the first run on the forty-third real held-out set: resistance and
# carriage surveys of wild and farmed animals); the kittens are a guard
_C42: list[_Case] = [
    # guard: a small series whose samples are few (or uncounted) stays a case series
    ("Salmonellosis in two sibling kittens",
     ("Two kittens from one household developed fever and bloody diarrhoea. Salmonella was isolated from three "
      "faecal samples of both, and they recovered after fluid therapy."), ("cat",), None),
]
_C42_NOT: list[_Not] = [
    # positives among 64 samples are a survey's findings, however few animals they name
    ("Salmonella in wild animals admitted to a rehabilitation centre",
     ("Faecal samples from wild animals admitted to a rehabilitation centre were cultured. Nine of 64 (14%) "
      "samples, including specimens from three opossums and two gray squirrels, grew Salmonella."), None),
    # carriage in flocks sampled by 30 swabs
    ("Campylobacter in free-range ducks",
     ("Thirty cloacal swabs from two flocks of free-range ducks were cultured. Five ducks carried Campylobacter "
      "jejuni, and the isolates were typed."), None),
    # "found in one moose sample" is one sample of a survey, not one animal's case
    ("Enteric pathogens in hunted moose",
     ("Faecal samples from hunted moose were cultured. Salmonella was not found, while Yersinia was found in one "
      "moose sample only. Resistance was rare among the E. coli tested."), None),
]

# ---- cases added with classify-43 (species, after set 41's hares): a disease named after an animal names the
# disease, not the patient
_C43: list[_Case] = [
    # "Rabbit haemorrhagic disease virus" names the virus; the patient is the hare
    ("Rabbit haemorrhagic disease virus type 2 (RHDV2) in a European brown hare",
     ("Rabbit haemorrhagic disease kills farmed and wild rabbits, and outbreaks in rabbits have been reported since "
      "1986. A wild brown hare was found dead in a field. Necropsy showed hepatic necrosis, and the virus was "
      "detected in the liver."), ("hare",), None),
]

# ---- cases added with classify-44 (after the first runs on sets 44 and 45: food-safety 'case studies' and
# disease-named areas); the poodle is a guard
_C44: list[_Case] = [
    # guard: a "case study" of a patient with a signalment stays a case report
    ("Hypoadrenocorticism in a poodle: a case study",
     ("A 6-year-old spayed female poodle presented with vomiting and weakness. An ACTH stimulation test confirmed "
      "the diagnosis, and the dog recovered on hormone replacement."), ("dog",), None),
]
_C44_NOT: list[_Not] = [
    # a "case study" of a food lot, with no clinic, signalment or outbreak, studies a procedure, not a patient
    ("A case study of cadmium levels in a lot of farmed catfish",
     ("A lot of smoked catfish seized at one market was sampled to check cadmium in muscle against the legal limit, and "
      "the official sampling plan was revised."), None),
    # "in an area of African swine fever" names a disease, not one pig
    ("Contacts between free-ranging pigs and wild boar in an area of African swine fever",
     "Camera traps recorded contacts between free-ranging pigs and wild boar at water points over one year.", None),
]

# ---- cases added with classify-46 (after the first run on set 49): "A case of X is described in ..." opening an
# abstract is the record naming itself; a food product or a sample named after an animal counts no animals
_C46: list[_Case] = [
    # the title's loose "correlation" is no statistic when the abstract opens by naming its one case
    ("A correlation of Mycobacterium bovis infection between cattle and a badger (Meles meles) in one valley",
     ("A case of Mycobacterium bovis infection is described in an adult male badger found dead near a farm. Necropsy of "
      "the badger showed granulomas in the lungs and lymph nodes, and the spoligotype matched the one of earlier "
      "outbreaks in local herds."), ("badger",), None),
]
_C46_NOT: list[_Not] = [
    # "four wild boar sausages" are four sausages, not a series of four wild boar
    ("Hepatitis E virus RNA in pork and wild boar cured sausages",
     ("Sausages and salami made from pork and wild boar were bought at local shops and tested for hepatitis E virus "
      "RNA. The virus was detected in four wild boar sausages, and two sequences were genotype 3."), None),
    # guard: nor are "five roe deer isolates" five deer
    ("Typing of Escherichia coli from game",
     ("Shiga toxin genes were sought by PCR in Escherichia coli kept in a laboratory collection. They were found in "
      "five roe deer isolates, which were then typed by whole-genome sequencing."), None),
]

# ---- cases added with classify-47 (after the first run on set 50): a sample or product noun a word or two after
# the animal ("two wild boar HEV strains") counts no animals; more than 12 samples or isolates with no animal counted
# is a laboratory series, however it words "reported here"
_C47_NOT: list[_Not] = [
    ("Complete genomes of two canine distemper viruses from foxes",
     ("The complete genome sequences of two red fox CDV strains detected in the north of the country were obtained by "
      "next-generation sequencing, and their phylogeny was compared with reference strains."), None),
    # guard: once "28 wild elk origin isolates" counts no elk, the 28 isolates still make it a laboratory series
    ("Drug susceptibility of Mycobacterium bovis from hunted elk",
     ("Free-ranging elk carry bovine tuberculosis in the region. The results of 28 wild elk origin isolates collected "
      "during one hunting season are reported here, and no resistance was found."), None),
]

# ---- cases added with classify-48 (after the first run on set 51): "Here, the occurrence of X in ... of an adult
# female <animal>, stranded ..., is reported" states one animal's case
_C48: list[_Case] = [
    ("Helminths of the striped dolphin from the Ionian Sea",
     ("Little is known of the parasites of this host in the region. Here, the occurrence of the nematode A. simplex in "
      "the stomach of an adult male striped dolphin, stranded on a beach, is reported. Lesions of gastritis were "
      "found around the worms."), ("dolphin",), None),
]
_C48_NOT: list[_Not] = [
    # guard: the same wording over a sample of 40 animals is a survey's finding
    ("Helminths of hunted foxes",
     ("Here, the occurrence of Toxocara canis in a sample of 40 hunted red foxes is reported. Eggs were counted in the "
      "faeces of each fox."), None),
]

# ---- cases added with classify-49 (seen errors of set 44): a "case study" told in food-safety words is a study of a
# food lot or a farm's controls, whatever word of illness it uses
_C49_NOT: list[_Not] = [
    ("Lead and cadmium in smoked tilapia: a case study",
     ("Smoked tilapia seized at a street market was analysed. Lead exceeded the EU maximum limits for fishery products, "
      "and poor smoking treatment was the likely source. Consumers of these products face a health risk."), None),
    ("A case study on farmed trout in northern Italy: a negligible anisakid risk",
     ("The self-control plan of one trout farm was reviewed to prevent anisakid infection, with the visual checks made "
      "by the Food Business Operator on fish found dead and on commercial fish."), None),
]

# ---- cases added with classify-50 (after the first runs on sets 52 and 53): one animal "submitted/conferred to" a
# laboratory, past a bracketed Latin name and a clause; farmed and wild fish by name; a disease named after its host
# ("Fish Mycobacteriosis"); a strain as the subject of "is described"; "from 259 animals" as the animals sampled
_C50: list[_Case] = [
    ("Histological and virological findings of pestivirus meningoencephalitis in Alpine ibex (Capra ibex)",
     ("In 2016, a young male Alpine ibex (Capra ibex), found in a mountain pasture of the western Alps, was submitted to "
      "the regional laboratory for pathologic examination. Histology revealed a severe non-suppurative "
      "meningoencephalitis, and the virus was sequenced."), ("ibex",), None),
    ("Tapeworm plerocerci in an anglerfish (Lophius piscatorius) from the Adriatic Sea",
     ("Morphological and histopathological data are presented on a massive larval cestode infection in the stomach "
      "wall of one wild fish caught by a trawler."), ("fish",), None),
]
_C50_NOT: list[_Not] = [
    ("Gene sequencing as a tool for an improved diagnosis of fish mycobacteriosis",
     ("Ninety isolates from farmed fish were identified by sequencing a fragment of the hsp65 gene, and phylogenetic "
      "analysis confirmed the species of most strains."), None),
    ("Hard ticks from wildlife in the northern Apennines",
     ("Ticks from hunted and found-dead wild animals were identified. A total of 640 ticks, removed from 211 animals, "
      "belonged to four species; three wolves and many roe deer carried Ixodes ricinus."), None),
    ("A novel bluetongue virus strain in goats",
     ("In this short communication, a novel atypical bluetongue virus strain detected in goats of the north-west is "
      "described. Infected goats showed no clinical signs, and the strain was closest to Toggenburg virus."), None),
]

# ---- cases added with classify-51 (after the first run on set 54): a virus named after its host, by name or acronym
# ("Swine MRVs", "Rabbit Endogenous Lentivirus", "Dolphin Morbillivirus"), names the virus: it counts no animals and
# is no patient species
_C51: list[_Case] = [
    # guard: the otter is the patient, the dolphin only names the virus
    ("Dolphin morbillivirus in a Eurasian otter",
     ("A juvenile Eurasian otter was found dead on a river bank. Necropsy showed interstitial pneumonia and "
      "encephalitis, and the virus was detected by PCR in the brain and lung."), ("otter",), None),
]
_C51_NOT: list[_Not] = [
    ("Complete genome sequences of three rabbit endogenous lentivirus type K viruses from farmed rabbits",
     "We present three complete genome sequences obtained by target amplification from the RNA of commercial rabbits.",
     None),
    ("Genetic diversity of two novel swine MRVs in Italy",
     ("Mammalian orthoreoviruses infect many mammals. We characterised two novel reassortant swine MRVs from one farm by "
      "whole-genome sequencing and phylogenetic analysis."), None),
]

# ---- cases added with classify-52 (after the first runs on sets 54 and 55, before set 56): one mortality event told as
# it happened ("a ... mortality was observed", "a mortality episode ... occurred in a hatchery", "the mortality event
# herein described", "in a public aquarium"); an episode of poisoning in one farm; two outbreaks "were diagnosed"; a
# disease "detected in a dairy farm" with a strain's past years as background; an abstract opening on one animal and
# what it showed
_C52: list[_Case] = [
    ("Koi sleepy disease in wild common carp of a northern lake",
     ("In early summer a severe common carp mortality was observed in an artificial lake, involving more than 300 adult "
      "specimens. Four moribund fish with gill lesions were examined and carp edema virus was detected by PCR."),
     ("fish",), None),
    ("Clostridial gastroenteropathy in farmed juvenile sturgeon",
     ("In autumn a mortality episode (25%) in juvenile Siberian sturgeons (A. baerii and A. gueldenstaedtii hybrids) "
      "occurred in a hatchery. Thirty sturgeon specimens were collected for necropsy and bacteriology, and Clostridium "
      "perfringens was isolated from the gut."), ("fish",), None),
    ("Vibrio species isolated from juvenile catsharks",
     ("This paper describes the isolation of two Vibrio species following a mortality event of juvenile lesser-spotted "
      "dogfish reared in a public aquarium, and compares the identification methods used."), ("shark",), None),
    ("A fungal toxin in hay fed to dairy cows",
     ("Mass spectrometry was used to look for toxic compounds in hay after an episode of acute intoxication in a dairy "
      "cattle farm. Besides field necropsy and histology, the suspected hay batch was analysed and a fungal toxin was "
      "identified."), ("cattle",), None),
    ("Herpetic pneumonia in ring-necked parakeets",
     ("The first two outbreaks of herpetic pneumonia in Indian ringneck parrots in Europe were diagnosed by pathology, "
      "electron microscopy and sequencing. Affected birds showed dyspnoea and ruffled feathers."), ("parrot",), None),
    ("Mycobacterium caprae in a dairy farm in the north-east",
     ("The region has been free from bovine tuberculosis since 2008, although the disease is sporadically detected "
      "with cattle trade. In 2015 bovine tuberculosis was detected in a dairy cattle farm of the region, in a holding with 69 animals. "
      "The herd underwent tuberculin testing as part of the regional surveillance plan, and 24 animals reacted. "
      "Mycobacterium caprae was found in 22 samples, and sixteen animals had been brought in from abroad. Genotyping showed the strain was related to the strain circulating in "
      "2007-2009 in a neighbouring province."), ("cattle",), None),
    ("Morbillivirus and Toxoplasma co-infection in Mediterranean monk seal pup",
     ("A Mediterranean monk seal (Monachus monachus) pup from the Adriatic coast showed morbillivirus infection and "
      "disseminated toxoplasmosis, probably after immunosuppression."), ("seal",), None),
]
_C52_NOT: list[_Not] = [
    # an epidemic over years whose isolates test laboratory methods
    ("Serotyping methods compared on Salmonella Choleraesuis isolates",
     ("An outbreak of salmonellosis in wild boars occurred in Italy between 2012 and 2014, and 30 isolates from it "
      "were typed by four methods to compare serovar identification."), None),
    # a method reported, with pets named in passing
    ("Identifying dog and cat hair in seized furs",
     ("Cats and dogs are popular pets, and their furs may not be traded. We report on the development of a reliable "
      "method for species identification in furs, combining microscopy and DNA testing."), None),
    # animals sampled counted as wild mammals
    ("Resistant Escherichia coli in wildlife",
     ("Here, we aim at characterizing resistance genes of commensal Escherichia coli from 62 wild mammals. Resistant "
      "isolates came from 25.8% of the animals: AmpC (hedgehog) and ESBL (n = 2, mink and roe deer). Five isolates "
      "were cryptic clades (clade IV, 4 mice; clade V, 1 mink)."), None),
    # a laboratory archive searched, not a clinic's cases described
    ("Coxiella and Leptospira DNA in canine and feline abortion",
     ("Abortion occurs in breeding bitches and queens. The aim of this study was to search for pathogen DNA in a "
      "retrospective series of 103 cases of canine and feline abortion submitted to the laboratory. All specimens tested "
      "negative; other causes were found in 47.6%. These agents are probably not common causes of abortion in dogs."),
     None),
]

# ---- cases added with classify-53 (after the first run on set 56): "we describe a case of" names the record a case; a
# cluster of a disease "was investigated"; an outbreak of people ("a foodborne outbreak ... involving 85 people") is
# no animal's case; "outbreak management" is no outbreak; "in two Italian swine farms" titles farms, not animals; an
# age group ("in the population beyond 4 years old") is no signalment; this cross-sectional study with P-values is a
# study whatever animal it names; "(n = 4) ... samples" and "11/215 tested animals" are samples and the animals sampled
_C53: list[_Case] = [
    ("Cutaneous mycobacteriosis in farmed gilthead seabream",
     ("Mycobacteriosis is a chronic disease of fish. In this study, we describe a case of cutaneous mycobacteriosis in "
      "gilthead seabream (Sparus aurata) reared in two recirculating systems. Nodules were seen in both systems, but "
      "their prevalence differed (1% and up to 33%), and Mycobacterium marinum was isolated."), ("fish",), None),
    ("Cryptococcus gattii spread by captive koalas",
     ("A cluster of cryptococcosis in captive koalas (five confirmed cases, a further two suspected), caused by C. "
      "gattii VGII, was investigated by culturing nasal swabs and genotyping isolates. Koalas show a high prevalence "
      "of cryptococcosis in captivity."), ("koala",), None),
]
_C53_NOT: list[_Not] = [
    ("An outbreak of Salmonella Enteritidis linked to raw sheep milk cheese",
     ("In spring 2020, a foodborne outbreak of S. Enteritidis occurred in central Italy, involving 85 people. The "
      "cheese came from a dairy with a sheep farm, and the bacterium was found in sheep faeces and milk."), None),
    ("A new approach to outbreak management for bovine echinococcosis",
     ("Farms in clusters of bovine cases were surveyed with a questionnaire and dog faecal samples. In total, 99 farms "
      "were surveyed and 208 samples were taken; twelve positive dogs were found."), None),
    ("Antimicrobial residues and resistance genes in two Italian swine farms",
     ("Manure, water and feed were sampled over a year on two farms and analysed for antimicrobial residues and "
      "resistance genes."), None),
    ("Small ruminant lentivirus in sheep and goats",
     ("The objectives of this cross-sectional study were to estimate the prevalence of the infection. There were "
      "statistically significant differences between age groups in goats (P < 0.0001), while seropositive sheep in the "
      "population beyond 4 years old may suggest a mild clinical impact in sheep."), None),
    ("Emmonsia-like fungi in wild animals",
     ("DNA was amplified from the lungs of 11/215 tested small burrowing animals, including frozen (n = 4) and "
      "formalin-fixed (n = 7) samples. Two Australian wombats carried an unknown species."), None),
]

# ---- cases added with classify-54 (after the first run on set 57): a new bacterial species "sp. nov., isolated from"
# a farm names a microbe, not a patient; "A Case Report of the Central Veterinary Laboratory" is an institution's case
_C54_NOT: list[_Not] = [
    ("Staphylococcus caeli sp. nov., isolated from air sampling in an industrial rabbit holding",
     ("Strain 82T, a Gram-positive coagulase-negative staphylococcus, was isolated from an air sample taken in a rabbit "
      "holding. It is closely related to Staphylococcus xylosus but differs in its genome sequence."), None),
    ("Rabies diagnosis in resource-limited countries: a case report of the Central Veterinary Laboratory in Benin",
     ("Reliable diagnosis is a pillar of rabies control. We describe how the laboratory was trained and equipped, and "
      "how brain samples from suspected dogs are now tested."), None),
]

# ---- cases added with classify-55 (seen errors of set 56): "This work reports the case of an indoor cat" names the
# record a case, whatever experiments on cats it cites; one animal "found road-killed" past a clause; the kinkajou and
# farmed shellfish (crayfish, oyster, shrimp, lobster) in the species lexicon
_C55: list[_Case] = [
    ("SARS-CoV-2 natural infection in a symptomatic cat",
     ("The susceptibility of experimentally infected pets, such as dogs, ferrets and cats, has been described. This work "
      "reports the case of an indoor cat that developed respiratory signs after contact with infected owners. The cat "
      "improved after treatment."), ("cat",), None),
    ("Exposure of wild carnivores to zoonotic pathogens: Leptospira infection in the first found dead grey wolf",
     ("Leptospirosis is a zoonosis. A young wolf, the first handled in the region, was found road-killed and then "
      "submitted to necropsy. Lesions included interstitial nephritis, and PCR on kidney was positive. Surveys in "
      "wildlife should be pursued."), ("wolf",), None),
    ("Rabies variant in a wild kinkajou (Potos flavus)",
     "A rabid wild kinkajou was found in Mato Grosso, Brazil; the virus was a variant not seen before in the region.",
     ("kinkajou",), None),
    # farmed shellfish are patients too: crayfish, oysters, shrimp and lobsters by name
    ("Rickettsiosis in farmed redclaw crayfish",
     ("An outbreak of rickettsiosis in redclaw crayfish (Cherax quadricarinatus) on one farm is described. Affected "
      "crayfish were lethargic, and histology showed granulomas in the hepatopancreas."), ("crayfish",), None),
]

# ---- cases added with classify-57 (seen error of set 53): a title's "of three ... fish" that the abstract calls "the
# three fish species" counts kinds of fish, not three animals
_C57_NOT: list[_Not] = [
    ("Arsenic bioaccumulation in three Patagonian top predator fish",
     ("Arsenic in muscle, liver and kidney of three predator fish (creole perch, rainbow trout and brown trout) from a "
      "lake near a volcano was compared. Arsenic accumulated mainly in liver and kidney in the three fish species."),
     None),
]

# ---- cases added with classify-58 (seen error of set 46): "This study describes an Aujeszky's disease case in an adult
# male red fox" names the record a case (a possessive disease name between the article and "case")
_C58: list[_Case] = [
    ("A vaccine-like pseudorabies virus strain in a red fox from central Italy",
     ("This study describes an Aujeszky's disease case in an adult male red fox found in an urban area, with fatal "
      "neurological disease. The virus was closely related to a vaccine strain. The epidemiological link with "
      "vaccinated pigs remains unclear."), ("fox",), None),
]

# ---- cases added with classify-59 (after the first run on set 58): "a vaccination experiment" is a trial, whatever
# its title counts; "of adult (4 months old) and aged (>= 24 months old) mice" gives the ages of groups, not one
# animal's signalment
_C59_NOT: list[_Not] = [
    ("Antibody response of 10 horses after vaccination against African horse sickness",
     ("A vaccination experiment was carried out with an inactivated vaccine to investigate the antibody response of "
      "naive horses. A total of 10 horses were vaccinated and boosted after 4 weeks and 6 months."), None),
    ("Ageing changes calcium release units in mouse muscle",
     ("Muscle fibres of adult (4 months old) and aged (>= 24 months old) mice were compared by electron microscopy, "
      "and ageing reduced the number of calcium release units."), None),
]

# ---- cases added with classify-60 (after the first run on set 59): "Epizootic haemorrhagic disease" names a disease,
# not an epizootic; "seroprevalence" is a population figure; a study's statistics outweigh "antibodies ... were
# detected in a sheep"; a foodborne outbreak with patients is people's; "a sample of hog head cheese" is no hog
_C60_NOT: list[_Not] = [
    ("First seroprevalence investigation of epizootic haemorrhagic disease virus in Libya",
     ("In this study, we investigated the seroprevalence of the virus, testing 855 blood samples from cattle, sheep and "
      "goats. The overall seroprevalence was 4% (95% confidence intervals 2.8%-5.4%), significantly (p = 0.016) higher in "
      "small ruminants. Neutralizing antibodies against serotype 6 were detected in a sheep from the west. Sheep could "
      "play an important role in the epidemiology of the virus."), "Open Veterinary Journal"),
    # guard (this shorter text names no animal patient before the fix either)
    ("A severe outbreak of listeriosis associated with processed pork products",
     ("An outbreak of listeriosis occurred in central Italy, involving 24 confirmed clinical cases. The outbreak strain "
      "was detected in a sample of hog head cheese purchased from a retail supermarket by one of the patients. The hog "
      "head cheese was made by a small meat processing plant, and all contaminated batches of the hog head cheese were "
      "withdrawn from the market."), None),
]

# ---- cases added with classify-61 (after the first run on set 60): "We detected SARS-CoV-2 in an otherwise healthy
# poodle" states one animal's case; "found in one cow and one goat milk samples" finds samples, not a cow
_C61: list[_Case] = [
    ("Possible human-to-dog transmission of SARS-CoV-2",
     ("We detected severe acute respiratory syndrome coronavirus 2 in an otherwise healthy poodle living with 4 family "
      "members who had coronavirus disease. Antibodies in the dog's serum showed seroconversion."), ("dog",), None),
]
_C61_NOT: list[_Not] = [
    ("Multispacer sequence typing of Coxiella burnetii from milk and ticks",
     ("Milk and tick samples from seropositive farms were screened by qPCR. Positive percentages were 9.6% in milk and "
      "95% in ticks. Moreover, genotypes MST20 and MST58 were found in one cow and one goat milk samples, respectively."),
     "Veterinaria Italiana"),
]

# ---- cases added with classify-62 (after the first run on set 61): "an analysis of the risk factors should be carried
# out" is future work, not this record's design; "outbreaks were investigated in three neighbouring dairy cattle herds"
_C62: list[_Case] = [
    ("Report of a natural outbreak of Aujeszky's disease in several species",
     ("This study reports a multi-species outbreak of Aujeszky's disease that occurred in Sicily, which led to the death "
      "of 2 goats, 15 sheep, 2 dogs, 2 cats and 2 foxes. The diagnosis was made by culture. In such areas an analysis of "
      "the risk factors should be carried out to plan control."), ("cat", "dog", "fox", "goat", "sheep"), None),
    ("Infection by Mycobacterium caprae in three cattle herds",
     ("From September 2018 to April 2019, bTB outbreaks were investigated in three neighbouring dairy cattle herds. "
      "Tubercular lesions were found at post mortem examination of slaughtered cattle and M. caprae was isolated."),
     ("cattle",), None),
]

# ---- cases added with classify-63 (from the seen errors of set 62): wild European birds are species ("blackbirds",
# "song thrushes", "wigeon"); vets call their animals "subjects" too; the one positive of a screened survey is no case
_C63: list[_Case] = [
    ("West Nile virus in song thrushes with neurological signs: a case study",
     ("In this study, infection was diagnosed in all wild song thrushes brought to a wildlife rescue centre in summer. "
      "All showed incoordination, and the subjects died shortly after admission. All five subjects tested positive by "
      "PCR on brain samples."), ("bird",), None),
    ("Fatal trichomonosis in a common blackbird",
     ("A juvenile common blackbird (Turdus merula) was found moribund in a garden and died the same day. Necropsy showed "
      "caseous lesions of the crop."), ("bird",), None),
    # "is described in a", and an epidemiological correlation is no statistics
    ("Leptospirosis in a harbour porpoise stranded in Italy",
     ("The first case of leptospirosis is described in a harbour porpoise found stranded on the Adriatic coast in 2015. "
      "The strain was similar to isolates from pig farms of the region, suggesting an epidemiological correlation "
      "with the porpoise case."), ("porpoise",), None),
    # "We report detection and characterization of ... in a cat"
    ("A novel poxvirus and fatal disease in cat",
     ("We report detection and full-genome characterization of a novel poxvirus causing a fatal infection in a cat. "
      "The virus caused skin lesions. It was isolated on cell cultures and its genome was sequenced."), ("cat",), None),
    # one animal's lesion, excised
    ("Equine papillomavirus leaves the stable: detection in a caprine wart",
     ("A wart-like lesion was excised from the udder of a goat. Histology confirmed a papilloma, and PCR and sequencing "
      "identified equine papillomavirus type 2."), ("goat",), None),
    # "we report, for the first time, the occurrence of ... isolated from a porpoise brain": the compared genomes are
    # laboratory references, not sampled animals
    ("First finding of a Salmonella Dublin ST10 strain in a porpoise brain",
     ("Working within a national project, we traced strains from animals to food. In this context, we report, for the "
      "first time, the occurrence of an ST10 strain isolated from a porpoise brain. Its genome was compared with the "
      "genomes of 212 ST10 strains, and the closest strains came from food."), ("porpoise",), None),
    # "... are an important risk factor for ..." is a claim, not a study of risk factors
    ("Fatal West Nile virus infection in an Italian wildlife park",
     ("An epidemic of fatal encephalitis involving twelve lemurs occurred between July and September 2019 at a wildlife "
      "park in central Italy. Most lemurs died suddenly without signs. Necropsy showed encephalitis and the virus was "
      "isolated from the brain. Mosquitoes breeding in the park ponds are an important risk factor for the infection."),
     ("lemur",), None),
    # "signs were observed in ... of the pigs kept on a farm": one farm's outbreak
    ("A novel H3N2 swine influenza reassortant in pigs in Spain",
     ("This paper reports the isolation and genome characterization of a novel reassortant strain from pigs. In March "
      "2015, respiratory signs were observed in about 15% of the pigs kept on a finishing farm in Spain. Lung tissue from "
      "one pig was tested by RT-PCR, the virus was isolated in eggs and its whole genome was sequenced."), ("pig",), None),
    # "This paper presents an investigation of ..." is no review; "an episode of chronic mortality observed in" is one
    # outbreak
    ("Causes of chronic mortality in juvenile farmed trout",
     ("Trout farming has grown in recent years. This paper presents an investigation of a chronic mortality problem. "
      "It focused on an episode of chronic mortality observed in juvenile rainbow trout. Affected fish swam erratically "
      "and underwent pathological and microbiological examinations, which showed myopathy and dermatitis."),
     ("fish",), None),
]
_C63_NOT: list[_Not] = [
    ("Avian paramyxovirus in migratory ducks: a molecular screening",
     ("A molecular survey was conducted on wild birds sampled during avian influenza surveillance. A total of 310 "
      "cloacal swabs collected from 2012-2015 were screened by RT-PCR. One strain was found in a juvenile "
      "mallard sampled in January 2013, and its genome was sequenced."), None),
]

_C64_NOT: list[_Not] = [
    # "we describe the isolation and genome sequence of ... from a free-ranging ..." is laboratory work on a microbe
    ("Genome sequence of feline calicivirus isolated from a stray cat",
     ("Feline calicivirus causes respiratory disease in cats. In this report, we describe the isolation and complete "
      "genome sequence of an isolate from the lung of a free-ranging stray cat."), None),
    # "After a ... outbreak among livestock, wild ruminants were tested": the outbreak is the setting of a serosurvey
    ("Bluetongue virus in wild ruminants, Italy",
     ("After a June 2014 outbreak of bluetongue among sheep near the national park, wild ruminants in the park were "
      "tested. Antibodies were detected in red deer and roe deer, and viral RNA in red deer. Seroprevalence was high."),
     None),
    # the case of a case study is a country's response to an outbreak
    ("Controlling an African swine fever epidemic in Estonia: a case study",
     ("African swine fever reached domestic pigs and wild boar in 2015 and pigs died on several farms. A national task "
      "force coordinated culling, movement controls and disinfection, and farmers were trained in biosecurity. The "
      "epidemic was controlled through national preparedness and international collaboration."), None),
]

# ---- cases added with classify-66 (after the first run on set 65): the pudu, a small South American deer
_C66: list[_Case] = [
    ("Fatal herpesvirus infection in a captive pudu",
     ("A female, eight-year-old pudu (Pudu puda) from a zoo died suddenly and was submitted for postmortem examination. "
      "Necropsy showed haemorrhages in the spleen, and PCR detected a gammaherpesvirus."), ("deer",), None),
]

# ---- cases added with classify-68 (after the first run on set 66)
_C68: list[_Case] = [
    # "on the intestine of a young male fin whale found stranded": one dead animal examined, mid-sentence
    ("Intestinal flukes of fin whales in the Mediterranean Sea",
     ("Parasitological examinations were carried out on the intestine of a young male fin whale (Balaenoptera "
      "physalus) found stranded on the coast. Thousands of flukes were recovered from the colon and identified by "
      "their morphology. They had not been recorded from this host in the Mediterranean before."), ("whale",), None),
    # "The authors describe the last case, which occurred in 2002 in a 12-year-old gelding": the one case the record
    # describes, whatever number of horses its review of a serosurvey counts
    ("Equine granulocytic ehrlichiosis in Italy, 1996-2002",
     ("The authors review equine granulocytic ehrlichiosis in Italy over seven years. After the first case in 1996, "
      "a serological survey tested 480 horses in one province. The authors describe the last case, which occurred in "
      "2002 in a 12-year-old gelding with ticks. The horse had fever, lethargy, limb oedema and low platelets, and "
      "morulae were seen in its neutrophils. It recovered after oxytetracycline."), ("horse",), None),
]
# "Red foxes (Vulpes vulpes, n = 110)": the foxes examined, named in the bracket, outnumber the 7 with heartworms
_C68_NOT: list[_Not] = [
    ("Filarial worms in red foxes from central Italy",
     ("Red foxes (Vulpes vulpes, n = 110) shot during the hunting season were examined for filarial worms. Adult "
      "heartworms were found in 7 foxes, and microfilariae were seen in the blood of others. Foxes may be a wild "
      "reservoir of filariae for dogs."), None),
]

@pytest.mark.parametrize("title,abstract,species,journal", _C4 + _C5 + _C6 + _C7 + _C8 + _C9 + _C10 + _C11 + _C12
                         + _C14 + _C15 + _C16 + _C17 + _C19 + _C21 + _C22 + _C23 + _C24 + _C25 + _C28 + _C29 + _C30 + _C31 + _C32 + _C33 + _C34 + _C35 + _C36
                         + _C37 + _C38 + _C39 + _C40 + _C41 + _C42 + _C43 + _C44 + _C46 + _C48 + _C50 + _C51 + _C52 + _C53 + _C55 + _C58 + _C61 + _C62
                         + _C63 + _C66 + _C68)
def test_general_fixes_pass_the_gate(lex: Lexicon, title: str, abstract: str, species: tuple[str, ...],
                                     journal: str | None) -> None:
    """classify-4 to classify-68 fixes for records that are veterinary case reports."""
    c = classify.classify(Article(title=title, abstract=abstract, pmid="C", journal=journal), lex)
    assert c.is_veterinary_case_report, c.reasons
    assert tuple(sorted(c.species)) == species, (c.species, c.reasons)


@pytest.mark.parametrize("title,abstract,journal", [(t, a, None) for t, a in _C4_NOT + _C5_HUMAN] + _C5_NOT + _C6_NOT + _C7_NOT + _C8_NOT + _C9_NOT + _C10_NOT + _C11_NOT + _C12_NOT
                         + _C13_NOT + _C15_NOT + _C18_NOT + _C20_NOT + _C21_NOT + _C22_NOT + _C23_NOT
                         + _C24_NOT + _C25_NOT + _C27_NOT + _C28_NOT + _C29_NOT + _C30_NOT + _C31_NOT + _C32_NOT + _C33_NOT + _C34_NOT + _C35_NOT
                         + _C37_NOT + _C38_NOT + _C39_NOT + _C40_NOT + _C41_NOT + _C42_NOT + _C44_NOT + _C46_NOT + _C47_NOT + _C48_NOT + _C49_NOT + _C50_NOT + _C51_NOT + _C52_NOT + _C53_NOT + _C54_NOT + _C57_NOT + _C59_NOT + _C60_NOT + _C61_NOT
                         + _C63_NOT + _C64_NOT + _C68_NOT)
def test_general_fixes_keep_out_what_is_not(lex: Lexicon, title: str, abstract: str, journal: str | None) -> None:
    """classify-4 to classify-68 fixes for records that are not: history essays, healthy-animal studies, reviews of
    published cases, people named by the animals they work with, retrospective evaluations, group comparisons,
    animals infected on purpose, parasite and abattoir surveys, anatomy studies, records reviews, mortality
    studies, biters."""
    c = classify.classify(Article(title=title, abstract=abstract, pmid="CN", journal=journal), lex)
    assert not c.is_veterinary_case_report, c.reasons


def test_a_systematic_and_critical_review_is_a_systematic_review(lex: Lexicon) -> None:
    """Words between "systematic" and "review" ("A Multispecies Systematic and Critical Review") keep it one."""
    c = classify.classify(Article(title="A systematic and critical review of nasal sedation in animals", abstract=(
        "Studies of nasal sedatives in dogs, cats and rabbits were collected and their pharmacokinetic data "
        "compared."), pmid="SR"), lex)
    assert c.article_type == "systematic review / meta-analysis", c.reasons
    assert not c.is_veterinary_case_report


def test_a_human_case_series_is_named_in_the_plural(lex: Lexicon) -> None:
    """Three family members are 'a case series of human patients', not 'of a human patient'."""
    c = classify.classify(Article(title="Ringworm from a kitten in three family members", abstract=(
        "A 30-year-old woman and her two sons developed ring-shaped skin lesions after adopting a kitten. Three "
        "patients were treated with topical antifungal cream and all recovered."), pmid="H3"), lex)
    assert not c.is_veterinary_case_report
    assert c.patient == "human" and "case series of human patients" in c.reasons, c.reasons


def test_a_herd_size_and_a_year_are_no_counts_of_animals(lex: Lexicon) -> None:
    """"a 1200 sows holding" sizes the one farm and "the 2010 Rabbit ... virus" names a year; "2010 rabbits" counts."""
    for text, want in [("In a 1200 sows farrow-to-finish holding, pigs coughed.", []),
                       ("The 2010 Rabbit haemorrhagic disease virus reached the island.", []),
                       ("Sera from 2010 rabbits were tested.", [2010]), ("A farm kept 12 cows.", [12])]:
        ev, _, _ = classify.explain(Article(title="Pigs and rabbits", abstract=text, pmid="N"), lex)
        assert sorted(c.n for c in ev.counts) == want, (text, ev.counts)


def test_a_singular_animal_word_before_a_noun_is_no_count(lex: Lexicon) -> None:
    """"two major migratory bird flyways" counts flyways; "two beagle dogs", "three sheep grazed" and "two cats"
    count animals."""
    for text, want in [("The country lies on two major migratory bird flyways.", []),
                       ("Two beagle dogs were examined.", [(0, 2)]), ("Three sheep grazed nearby.", [(0, 3)]),
                       ("We saw two cats and one dog.", [(7, 2), (20, 1)]), ("Isolates from 30 elk shot.", [(14, 30)]),
                       ("in three wild boar littermates", [(3, 3)])]:
        ev, _, _ = classify.explain(Article(title="Animals", abstract=text, pmid="N"), lex)
        assert sorted({(c.start, c.n) for c in ev.counts}) == want, (text, ev.counts)  # breed and noun: one count


def test_the_need_for_surveys_is_future_work(lex: Lexicon) -> None:
    """"The results highlight the need for subtyping in epidemiological surveys": surveys the record asks for, not
    its design."""
    ev, _, _ = classify.explain(Article(title="A goat", abstract=(
        "A goat aborted and died. The results highlight the need for bacterial subtyping in epidemiological surveys."),
        pmid="N"), lex)
    assert not ev.hits.get("survey"), ev.hits.get("survey")


def test_an_epidemiologic_case_investigation_is_no_study_word(lex: Lexicon) -> None:
    """"Epidemiologic case investigation of ..." investigates a case; "an epidemiological study" is a study."""
    for title, want in [("Epidemiologic case investigation of Q fever in a goat herd", 0),
                        ("An epidemiological study of Q fever in goats", 1)]:
        ev, _, _ = classify.explain(Article(title=title, abstract="", pmid="N"), lex)
        assert len([h for h in ev.hits.get("cohort_word", ()) if h.field == "title"]) == want, title


def test_a_number_of_hundreds_multiplies() -> None:
    """"Nine hundred and twelve specimens" is at least 900 specimens, not 109 (a reason quotes the figure)."""
    from petcasefinder.classify.numbers import number

    assert [number(w) for w in ("nine hundred", "one hundred", "hundred", "twenty-one", "12")] == [900, 100, 100, 21, 12]
