// Small hand-written word lists: the cues that make typing work without a statistical model.
// Everything is lower case; lookups lower-case the token first.

const words = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Function words that start sentences but never names on their own. */
export const STOP_WORDS = words(`
a an the this that these those there here it its it's he she we they you i his her their our your my me us them him
in on at by for from to of with without into onto over under after before during since until about against between among
through across around near behind beyond within upon and or but nor so yet if then than because although though while
when where whether which who whom whose what why how as also even just only still already again however meanwhile
moreover furthermore nevertheless instead indeed thus hence therefore yes no not all any some each every both either
neither many much most more few several other such one two three four five six seven eight nine ten first second last
next new old mr mrs ms dr according according monday tuesday wednesday thursday friday saturday sunday january february
march april june july august september october november december today yesterday tomorrow please let can could will
would shall should may might must do does did is are was were be been being have has had said says say asked told
evidently clearly perhaps maybe now once later earlier finally overall similarly likewise again despite following
given unlike like among amid why whatever whoever wherever whenever nobody everybody everyone someone nothing
something everything anything sources officials analysts experts critics
`);

/** Months and weekdays: capitalised, never entities. */
export const CALENDAR = words(`
january february march april may june july august september october november december jan feb mar apr jun jul aug
sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
`);

/** Words that, right before a name, say "this is a person" (lower-cased; multiword titles are split on spaces). */
export const PERSON_TITLES = words(`
president presidents minister ministers premier chancellor secretary secretary-general senator sen governor gov
ambassador envoy spokesman spokeswoman spokesperson leader leaders king queen prince princess emperor pope sheikh
mr mrs ms dr prof professor general gen lt col colonel major captain capt sergeant sgt admiral commander chief chairman
chairwoman director deputy vice coach manager judge justice rev reverend cardinal archbishop bishop mayor lord lady sir
dame representative rep congressman congresswoman lawmaker striker midfielder defender goalkeeper player pitcher
veteran champion rival opponent dictator tsar czar ayatollah imam crown executive
`);

/** Modifiers that may precede a title inside a capitalised run ("Foreign Minister", "Prime Minister"). */
export const TITLE_MODIFIERS = words(`
prime foreign defence defense finance interior trade deputy vice former acting first supreme state economy energy
justice health education agriculture transport labour labor industry oil culture sports foreign-affairs
`);

/** Head words that end organisation names. */
export const ORG_SUFFIXES = words(`
party ministry council corp corporation inc ltd plc co company companies bank agency union organization organisation
committee army front group association federation institute university college school commission authority office
department bureau service services fund foundation league club court parliament assembly congress senate government
administration airlines airways motors industries holdings news times post journal daily press network forces navy
command force guard alliance movement coalition society trust exchange board cabinet police regiment brigade division
team united rovers wanderers athletic reserve center centre exchange spa sa ag nv bv gmbh ab asa oyj llc lp bhd tbk pty
kk se cie sarl srl plc ltda ag airline cables motors industries holdings insurance securities capital partners
brothers bros systems technologies communications telecom energy petroleum oil resources mining pharmaceuticals
`);

/** Heads that make an organisation when followed by "of" ("Bank of England", "Ministry of Defence"). */
export const ORG_HEADS_OF = words(`
bank ministry department university council organization organisation institute league federation union court office
house church academy commission committee association board
`);

/** Head words of named concepts and events: "the 1972 ABM treaty" → "ABM Treaty". */
export const CONCEPT_HEADS = words(`
treaty talks agreement accord accords doctrine programme program initiative plan pact protocol convention declaration
resolution charter summit conference process dialogue framework act war crisis revolution sanctions games cup olympics
championship championships open tournament day
`);

/** Heads of events (the rest of CONCEPT_HEADS make concepts). */
export const EVENT_HEADS = words(`summit conference war crisis revolution games cup olympics championship championships open tournament day`);

/** Heads that make places ("Korean Peninsula", "South Kuril Islands"). */
export const PLACE_SUFFIXES = words(`
peninsula sea ocean island islands river mountains mountain strait straits gulf bay lake valley province region
republic kingdom county territory zone coast desert canal plateau basin street square airport port
`);

/** Arabic articles written joined to a name by a hyphen ("al-Aqsa", "el-Sisi"). */
export const ARTICLES = words(`al el ad ar as ash at az an`);

/** Lower-case words allowed inside a capitalised name ("Bank of England", "Ludwig van Beethoven"). */
export const NAME_CONNECTORS = words(`of de du da del della der den van von al el bin ibn la le y`);

/** A small first-name lexicon: a run that starts with one of these is a person unless something says otherwise. */
export const FIRST_NAMES = words(`
john james robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark donald
steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric
jonathan stephen larry justin scott brandon benjamin samuel frank gregory alexander patrick jack dennis jerry tyler
aaron henry peter adam nathan douglas zachary walter kyle harold carl jeremy keith roger gerald ethan arthur terry
christian sean lawrence austin joe noah jesse albert bryan billy bruce willie jordan dylan alan ralph gabriel roy juan
wayne eugene logan randy louis russell vincent philip bobby johnny bradley bill hillary barack boris vladimir sergei
sergey dmitry dmitri mikhail yuri igor nikolai alexei alexey viktor ivan andrei oleg leonid mary patricia jennifer
linda elizabeth barbara susan jessica sarah karen nancy lisa margaret betty sandra ashley dorothy kimberly emily donna
michelle carol amanda melissa deborah stephanie rebecca laura sharon cynthia kathleen amy shirley angela helen anna
brenda pamela nicole ruth katherine samantha christine emma catherine debra virginia rachel carolyn janet maria heather
diane julie joyce victoria kelly christina joan evelyn lauren judith olivia martha cheryl megan andrea hannah jacqueline
ann jean alice kathryn gloria teresa doris sara janice julia marie madison grace judy theresa beverly denise marilyn
amber danielle abigail brittany rose diana natalie sophia alexis lori kayla jane angela shinzo junichiro yoshihiko
xi hu jiang deng mao li wang zhang chen liu yang zhou wu kim park lee moon shin ban roh chung hassan ali mohammed
muhammad ahmed ahmad omar abdul abdullah hamid hussein saddam yasser benjamin ariel shimon yitzhak ehud angela helmut
gerhard jacques nicolas francois emmanuel silvio romano giuseppe carlo jose carlos luis manuel pedro francisco fernando
jorge miguel antonio hugo fidel raul nelson kofi narendra manmohan atal rajiv indira nawaz benazir pervez imran recep
ahmet abdullah hans klaus helmut wolfgang jurgen dieter werner karl friedrich pierre jean michel alain philippe jacques
marco giovanni luca andrea paolo stefano jan piotr lech vaclav václav tony gordon margaret theresa nigel lionel martin
kurt karim tariq javier juan ricardo diego alejandro eduardo steffi andre pete greg mats boris ivan goran thomas
`);

/** Foreign-policy concepts worth a note when they recur in lower case: display name → spelling variants. */
export const CONCEPTS: Record<string, string[]> = {
	sanctions: ['sanction', 'sanctions'],
	denuclearization: ['denuclearization', 'denuclearisation'],
	'non-proliferation': ['non-proliferation', 'nonproliferation'],
	deterrence: ['deterrence'],
	sovereignty: ['sovereignty'],
	détente: ['détente', 'detente'],
	containment: ['containment'],
	'regime change': ['regime change'],
	'arms control': ['arms control'],
	'arms race': ['arms race'],
	'missile defense': ['missile defense', 'missile defence'],
	'axis of evil': ['axis of evil'],
	'sphere of influence': ['sphere of influence', 'spheres of influence'],
	'balance of power': ['balance of power'],
	'soft power': ['soft power'],
	hegemony: ['hegemony'],
	multipolarity: ['multipolarity', 'multipolar world'],
	annexation: ['annexation'],
	ceasefire: ['ceasefire', 'cease-fire'],
	reunification: ['reunification'],
	'self-determination': ['self-determination'],
	'human rights': ['human rights'],
	terrorism: ['terrorism'],
	isolationism: ['isolationism'],
	brinkmanship: ['brinkmanship'],
	'nuclear weapons': ['nuclear weapon', 'nuclear weapons'],
};

/** Lower-case heads that turn a preceding name into a named concept ("the ABM treaty", "Six-Party talks"). */
export const LOWER_CONCEPT_HEADS = words(`treaty talks agreement accord accords doctrine programme program initiative pact protocol convention declaration`);

/** Peoples, creeds and their adjectives: MISC in news, never a note of their own. */
export const GROUP_WORDS = words(`
moslem moslems muslim muslims islamic islamist islamists christian christians catholic catholics protestant protestants
jewish jew jews arab arabs arabic kurd kurds kurdish serb serbs croat croats bosnian bosnians chechen chechens sunni
sunnis shia shi'ite shi'ites shiite shiites hindu hindus sikh sikhs buddhist buddhists tamil tamils pashtun pashtuns
uighur uighurs tibetan tibetans palestinian palestinians afrikaner afrikaners azeri azeris tatar tatars cossack cossacks
tajik tajiks yugoslav yugoslavs slav slavs latino latinos hispanic asian asians european europeans western westerners
communist communists socialist socialists democrat democrats republican republicans marxist maoist zionist zionists
`);

/** Nouns before "of" that make the next name a place ("the town of Tavildara"). */
export const PLACE_NOUNS_OF = words(`town city village province region capital port district county state island outskirts north south east west
northeast northwest southeast southwest suburb suburbs centre center heart streets`);
