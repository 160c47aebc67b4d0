package workload

import "strings"

// builtinWords is the vocabulary used when no corpus is at hand: English
// function words first (as in running text, they make up much of it),
// then news words. Generate draws from it by rank, most frequent first.
var builtinWords = strings.Fields(`the to of and a in that for is on said was with he it as at by
from his be has have are but an its not were they who which will had been their would this after
more than also up one year new about two people there could over we she first last out government
into when all can other her years may three time against some if minister police state country
officials percent week company president told month former public million since talks report under
city court group during while national deal support plan party leader security election world
billion market bank workers health school prices oil trade tax budget vote council union strike
troops border peace ceasefire envoy sanctions parliament opposition coalition mayor governor region
province capital port airport railway bridge drought harvest farmers storm flood rescue arrest
protest reform hospital vaccine study scientists climate energy power grid factory exports tariffs
inflation rates shares investors growth economy jobs unemployment wages housing rents pension
spending deficit debt bonds currency dollar euro pound inquiry judge trial verdict appeal prison
charges investigation witnesses evidence lawyers ministers cabinet spokesman spokeswoman agency
committee board chairman chief executive director manager commission regulator watchdog industry
sector firms companies profits losses sales revenue customers services network broadband mobile
software internet technology data privacy users online games film music album festival awards
star actor director show series season league match team coach players goal win victory defeat
championship final cup title injury transfer contract club fans stadium referee tournament`)

// builtinNames are names for people and places when the vocabulary has
// too few capitalized words.
var builtinNames = strings.Fields(`Adams Baker Carter Diaz Evans Fischer Garcia Hughes Ito Jensen Khan
Lopez Moreno Novak Okafor Patel Quinn Rossi Silva Tanaka Ueda Volkov Walsh Young Zhang Brussels
Geneva Lagos Lima Manila Nairobi Oslo Quito Riga Seoul Tunis Vienna`)
