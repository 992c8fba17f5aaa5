package ingest

import (
	"reflect"
	"testing"
)

func TestParseReference(t *testing.T) {
	tests := []struct {
		raw  string
		want ParsedRef
	}{
		// The reference list of the bundled seed article (expected fields
		// from the hand-made gold standard).
		{"World Health Organization, (2023), “Low back pain”.", ParsedRef{Organization: "World Health Organization", Year: 2023, Title: "Low back pain", Type: "web page"}},                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                     // REF01
		{"Peter Grinspoon, MD, (2019), “Kratom: Fear-worthy foliage or beneficial botanical?” Harvard Health Blog, Harvard Medical School.", ParsedRef{Authors: []string{"Peter Grinspoon"}, Year: 2019, Title: "Kratom: Fear-worthy foliage or beneficial botanical?", Venue: "Harvard Health Blog", Publisher: "Harvard Medical School", Type: "blog post"}},                                                                                                                                                                                                                                                                                                                                                                                  // REF02
		{"Charles Veltri & Oliver Grundmann, (2022), “Current perspectives on the impact of Kratom use” Substance Abuse and Rehabilitation Volume 10, 2019", ParsedRef{Authors: []string{"Charles Veltri", "Oliver Grundmann"}, Year: 2022, Title: "Current perspectives on the impact of Kratom use", Venue: "Substance Abuse and Rehabilitation", Volume: "10", Type: "journal article"}},                                                                                                                                                                                                                                                                                                                                                     // REF03
		{"Bath R, Bucholz T, Buros AF, Singh D, Smith KE, Veltri CA, Grundmann O., (2020), “Self-reported Health Diagnoses and Demographic Correlates With Kratom Use: Results From an Online Survey.” J Addict Med. 2020 May/Jun;14(3):244-252", ParsedRef{Authors: []string{"Bath R", "Bucholz T", "Buros AF", "Singh D", "Smith KE", "Veltri CA", "Grundmann O"}, Year: 2020, Title: "Self-reported Health Diagnoses and Demographic Correlates With Kratom Use: Results From an Online Survey", Venue: "J Addict Med", Volume: "14", Issue: "3", Pages: "244-252", Date: "2020 May/Jun", Type: "journal article"}},                                                                                                                          // REF04
		{"Kirsten E. Smith, Jeffrey D. Feldman, Kelly E. Dunn, et al, (2023), “Examining the paradoxical effects of kratom: a narrative inquiry”. Front. Pharmacol., 05 May 2023, Sec. Ethnopharmacology, Volume 14 – 2023.", ParsedRef{Authors: []string{"Kirsten E. Smith", "Jeffrey D. Feldman", "Kelly E. Dunn"}, Year: 2023, Title: "Examining the paradoxical effects of kratom: a narrative inquiry", Venue: "Front. Pharmacol.", Volume: "14", Date: "05 May 2023", Type: "journal article", EtAl: true}},                                                                                                                                                                                                                               // REF05
		{"Vicknasingam B, Chooi WT, Rahim AA, Ramachandram D, Singh D, Ramanathan S, Yusof NSM, Zainal H, Murugaiyah V, Gueorguieva R, Mansor SM, Chawarski MC., (2020), “Kratom and Pain Tolerance: A Randomized, Placebo-Controlled, Double-Blind Study.” Yale J Biol Med. 2020 Jun 29;93(2):229-238.", ParsedRef{Authors: []string{"Vicknasingam B", "Chooi WT", "Rahim AA", "Ramachandram D", "Singh D", "Ramanathan S", "Yusof NSM", "Zainal H", "Murugaiyah V", "Gueorguieva R", "Mansor SM", "Chawarski MC"}, Year: 2020, Title: "Kratom and Pain Tolerance: A Randomized, Placebo-Controlled, Double-Blind Study", Venue: "Yale J Biol Med", Volume: "93", Issue: "2", Pages: "229-238", Date: "2020 Jun 29", Type: "journal article"}}, // REF06
		{"Eastlack, S.C., Cornett, E.M. & Kaye, A.D., (2020), “Kratom—Pharmacology, Clinical Implications, and Outlook: A Comprehensive Review.” Pain Ther 9, 55–69.", ParsedRef{Authors: []string{"Eastlack, S.C.", "Cornett, E.M.", "Kaye, A.D."}, Year: 2020, Title: "Kratom—Pharmacology, Clinical Implications, and Outlook: A Comprehensive Review", Venue: "Pain Ther", Volume: "9", Pages: "55–69", Type: "journal article"}},                                                                                                                                                                                                                                                                                                           // REF07
		{"Johns Hopkins Medicine, (2020), “Natural Herb Kratom May Have Therapeutic Effects And Relatively Low Potential For Abuse Or Harm, According To A User Survey”.", ParsedRef{Organization: "Johns Hopkins Medicine", Year: 2020, Title: "Natural Herb Kratom May Have Therapeutic Effects And Relatively Low Potential For Abuse Or Harm, According To A User Survey", Type: "press release"}},                                                                                                                                                                                                                                                                                                                                          // REF08
		{"NIDA. (2022), “Kratom.”", ParsedRef{Organization: "NIDA", Year: 2022, Title: "Kratom", Type: "web page"}}, // REF09
		{"Striley CW, Hoeflich CC, Viegas AT, Berkowitz LA, Matthews EG, Akin LP, Iheanyi-Okeahialam C, Mansoor U, McCurdy CR., (2022), “Health Effects Associated With Kratom (Mitragyna speciosa) and Polysubstance Use: A Narrative Review.” Subst Abuse. 2022 May 20;16:11782218221095873", ParsedRef{Authors: []string{"Striley CW", "Hoeflich CC", "Viegas AT", "Berkowitz LA", "Matthews EG", "Akin LP", "Iheanyi-Okeahialam C", "Mansoor U", "McCurdy CR"}, Year: 2022, Title: "Health Effects Associated With Kratom (Mitragyna speciosa) and Polysubstance Use: A Narrative Review", Venue: "Subst Abuse", Volume: "16", Date: "2022 May 20", Type: "journal article", ArticleNumber: "11782218221095873"}}, // REF10
		{"Julia Tobacyk, Brian J Parks, Nakita Lovelady, Lisa K Brents, (2022), “Qualitative content analysis of public responses to an FDA inquiry on the impact of scheduling changes to kratom”. International Journal of Drug Policy, Volume 108, October 2022, 103817.", ParsedRef{Authors: []string{"Julia Tobacyk", "Brian J Parks", "Nakita Lovelady", "Lisa K Brents"}, Year: 2022, Title: "Qualitative content analysis of public responses to an FDA inquiry on the impact of scheduling changes to kratom", Venue: "International Journal of Drug Policy", Volume: "108", Date: "October 2022", Type: "journal article", ArticleNumber: "103817"}},                                                        // REF11
		{"Darika Saingam, Darshan Singh, Alan F. Geater,,Sawitri Assanangkornchai, Walailuk Jitpiboon & Carl Latkin, (2023), “The Health Impact of Long-Term Kratom (Mitragyna Speciosa) Use in Southern Thailand”. Substance Use & Misuse, Volume 58, 2023 – Issue 10.", ParsedRef{Authors: []string{"Darika Saingam", "Darshan Singh", "Alan F. Geater", "Sawitri Assanangkornchai", "Walailuk Jitpiboon", "Carl Latkin"}, Year: 2023, Title: "The Health Impact of Long-Term Kratom (Mitragyna Speciosa) Use in Southern Thailand", Venue: "Substance Use & Misuse", Volume: "58", Issue: "10", Type: "journal article"}},                                                                                          // REF12

		// APA 7
		{"Smith, K. E., Dunn, K. E., & Grundmann, O. (2021). Kratom use and pain: A cross-sectional survey. Journal of Pain Research, 14(2), 245–256. https://doi.org/10.2147/JPR.S123456",
			ParsedRef{Authors: []string{"Smith, K. E.", "Dunn, K. E.", "Grundmann, O."}, Year: 2021, Title: "Kratom use and pain: A cross-sectional survey", Venue: "Journal of Pain Research", Volume: "14", Issue: "2", Pages: "245–256", Type: "journal article", DOI: "10.2147/JPR.S123456", URL: "https://doi.org/10.2147/JPR.S123456"}},
		{"National Institute on Drug Abuse. (2022, May 20). Kratom DrugFacts. https://nida.nih.gov/research-topics/kratom",
			ParsedRef{Organization: "National Institute on Drug Abuse", Year: 2022, Date: "2022, May 20", Title: "Kratom DrugFacts", Type: "web page", URL: "https://nida.nih.gov/research-topics/kratom"}},
		{"Bonica, J. J. (2010). Bonica's management of pain (4th ed.). Lippincott Williams & Wilkins.",
			ParsedRef{Authors: []string{"Bonica, J. J."}, Year: 2010, Title: "Bonica's management of pain (4th ed.)", Publisher: "Lippincott Williams & Wilkins", Type: "book"}},
		{"Kruegel, A. C., & Grundmann, O. (2018). The medicinal chemistry and neuropharmacology of kratom: A preliminary discussion of a promising medicinal plant and analysis of its potential for abuse. Neuropharmacology, 134, 108–120.",
			ParsedRef{Authors: []string{"Kruegel, A. C.", "Grundmann, O."}, Year: 2018, Title: "The medicinal chemistry and neuropharmacology of kratom: A preliminary discussion of a promising medicinal plant and analysis of its potential for abuse", Venue: "Neuropharmacology", Volume: "134", Pages: "108–120", Type: "journal article"}},
		{"Boyer, E. W., Babu, K. M., & Macalino, G. E. (2007). Self-treatment of opioid withdrawal with a dietary supplement, kratom. The American Journal on Addictions, 16(5), 352–356. doi:10.1080/10550490701525368",
			ParsedRef{Authors: []string{"Boyer, E. W.", "Babu, K. M.", "Macalino, G. E."}, Year: 2007, Title: "Self-treatment of opioid withdrawal with a dietary supplement, kratom", Venue: "The American Journal on Addictions", Volume: "16", Issue: "5", Pages: "352–356", Type: "journal article", DOI: "10.1080/10550490701525368"}},
		{"Cleveland Clinic. (2023, January 12). Gabapentin capsules. Retrieved March 1, 2024, from https://my.clevelandclinic.org/health/drugs/gabapentin",
			ParsedRef{Organization: "Cleveland Clinic", Year: 2023, Date: "2023, January 12", Title: "Gabapentin capsules", Type: "web page", URL: "https://my.clevelandclinic.org/health/drugs/gabapentin"}},
		{"Harvard Health Publishing. (2021). Is kratom safe? Harvard Health Blog. https://www.health.harvard.edu/blog/kratom",
			ParsedRef{Organization: "Harvard Health Publishing", Year: 2021, Title: "Is kratom safe?", Venue: "Harvard Health Blog", Type: "blog post", URL: "https://www.health.harvard.edu/blog/kratom"}},

		// Vancouver / NLM
		{"Prozialeck WC, Jivan JK, Andurkar SV. Pharmacology of kratom: an emerging botanical agent with stimulant, analgesic and opioid-like effects. J Am Osteopath Assoc. 2012 Dec;112(12):792-9. PMID: 23212430.",
			ParsedRef{Authors: []string{"Prozialeck WC", "Jivan JK", "Andurkar SV"}, Year: 2012, Date: "2012 Dec", Title: "Pharmacology of kratom: an emerging botanical agent with stimulant, analgesic and opioid-like effects", Venue: "J Am Osteopath Assoc", Volume: "112", Issue: "12", Pages: "792-9", Type: "journal article"}},
		{"Mayo Clinic. Gabapentin (oral route) [Internet]. Rochester (MN): Mayo Foundation for Medical Education and Research; 2023 [cited 2024 Mar 1]. Available from: https://www.mayoclinic.org/drugs-supplements/gabapentin-oral-route/description/drg-20064011",
			ParsedRef{Organization: "Mayo Clinic", Year: 2023, Title: "Gabapentin (oral route)", Publisher: "Mayo Foundation for Medical Education and Research", Type: "web page", URL: "https://www.mayoclinic.org/drugs-supplements/gabapentin-oral-route/description/drg-20064011"}},
		{"1. Hassan Z, Muzaimi M, Navaratnam V, et al. From Kratom to mitragynine and its derivatives: physiological and behavioural effects related to use, abuse, and addiction. Neurosci Biobehav Rev. 2013;37(2):138-151.",
			ParsedRef{Authors: []string{"Hassan Z", "Muzaimi M", "Navaratnam V"}, EtAl: true, Year: 2013, Title: "From Kratom to mitragynine and its derivatives: physiological and behavioural effects related to use, abuse, and addiction", Venue: "Neurosci Biobehav Rev", Volume: "37", Issue: "2", Pages: "138-151", Type: "journal article"}},
		{"[2] World Health Organization. Guidelines for the pharmacological and radiotherapeutic management of cancer pain in adults and adolescents. Geneva: World Health Organization; 2018.",
			ParsedRef{Organization: "World Health Organization", Year: 2018, Title: "Guidelines for the pharmacological and radiotherapeutic management of cancer pain in adults and adolescents", Publisher: "World Health Organization", Type: "report"}},
		{"Garcia-Romeu A, Cox DJ, Smith KE, Dunn KE, Griffiths RR. Kratom (Mitragyna speciosa): User demographics, use patterns, and implications for the opioid epidemic. Drug Alcohol Depend. 2020 Mar 1;208:107849. doi: 10.1016/j.drugalcdep.2020.107849. Epub 2020 Jan 22.",
			ParsedRef{Authors: []string{"Garcia-Romeu A", "Cox DJ", "Smith KE", "Dunn KE", "Griffiths RR"}, Year: 2020, Date: "2020 Mar 1", Title: "Kratom (Mitragyna speciosa): User demographics, use patterns, and implications for the opioid epidemic", Venue: "Drug Alcohol Depend", Volume: "208", ArticleNumber: "107849", Type: "journal article", DOI: "10.1016/j.drugalcdep.2020.107849"}},
		{"Grundmann O, Veltri C. Kratom: The Complete Guide. New York: Example Press; 2020. ISBN 978-1-23456-789-7.",
			ParsedRef{Authors: []string{"Grundmann O", "Veltri C"}, Year: 2020, Title: "Kratom: The Complete Guide", Publisher: "Example Press", Type: "book"}},
		{"Centers for Disease Control and Prevention. Annual Surveillance Report of Drug-Related Risks and Outcomes. 2019.",
			ParsedRef{Organization: "Centers for Disease Control and Prevention", Year: 2019, Title: "Annual Surveillance Report of Drug-Related Risks and Outcomes", Type: "report"}},

		// AMA
		{"Smith KE, Lawson T. Prevalence and motivations for kratom use in a sample of substance users enrolled in a residential treatment program. Drug Alcohol Depend. 2017;180:340-348. doi:10.1016/j.drugalcdep.2017.08.034",
			ParsedRef{Authors: []string{"Smith KE", "Lawson T"}, Year: 2017, Title: "Prevalence and motivations for kratom use in a sample of substance users enrolled in a residential treatment program", Venue: "Drug Alcohol Depend", Volume: "180", Pages: "340-348", Type: "journal article", DOI: "10.1016/j.drugalcdep.2017.08.034"}},
		{"Grundmann O, Babin JK, Henningfield JE, et al. Kratom use in the United States: a diverse and complex profile. Addiction. 2021;116(1):202-203. doi:10.1111/add.15173",
			ParsedRef{Authors: []string{"Grundmann O", "Babin JK", "Henningfield JE"}, EtAl: true, Year: 2021, Title: "Kratom use in the United States: a diverse and complex profile", Venue: "Addiction", Volume: "116", Issue: "1", Pages: "202-203", Type: "journal article", DOI: "10.1111/add.15173"}},
		{"Kratom. National Institute on Drug Abuse. Updated May 2022. Accessed March 3, 2024. https://nida.nih.gov/research-topics/kratom",
			ParsedRef{Year: 2022, Date: "May 2022", Title: "Kratom", Venue: "National Institute on Drug Abuse", Type: "web page", URL: "https://nida.nih.gov/research-topics/kratom"}},
		{"Swogger MT, Walsh Z. Kratom use and mental health: A systematic review. PLoS One. 2018;13(2):e0192174.",
			ParsedRef{Authors: []string{"Swogger MT", "Walsh Z"}, Year: 2018, Title: "Kratom use and mental health: A systematic review", Venue: "PLoS One", Volume: "13", Issue: "2", ArticleNumber: "e0192174", Type: "journal article"}},

		// MLA 9
		{`Smith, Kirsten E., et al. "Changes in Kratom Use during the COVID-19 Pandemic." Drug and Alcohol Dependence, vol. 226, 2021, p. 108869.`,
			ParsedRef{Authors: []string{"Smith, Kirsten E."}, EtAl: true, Year: 2021, Title: "Changes in Kratom Use during the COVID-19 Pandemic", Venue: "Drug and Alcohol Dependence", Volume: "226", ArticleNumber: "108869", Type: "journal article"}},
		{`Veltri, Charles, and Oliver Grundmann. "Current Perspectives on the Impact of Kratom Use." Substance Abuse and Rehabilitation, vol. 10, 2019, pp. 23-31.`,
			ParsedRef{Authors: []string{"Veltri, Charles", "Oliver Grundmann"}, Year: 2019, Title: "Current Perspectives on the Impact of Kratom Use", Venue: "Substance Abuse and Rehabilitation", Volume: "10", Pages: "23-31", Type: "journal article"}},
		{`Watson, Stephanie. "Kratom: Uses, Side Effects, and Risks." Healthline, 12 Jan. 2023, www.healthline.com/health/kratom.`,
			ParsedRef{Authors: []string{"Watson, Stephanie"}, Year: 2023, Date: "12 Jan. 2023", Title: "Kratom: Uses, Side Effects, and Risks", Venue: "Healthline", Type: "web page", URL: "www.healthline.com/health/kratom"}},

		// Harvard
		{"Singh, D., Narayanan, S. and Vicknasingam, B. (2016) 'Traditional and non-traditional uses of Mitragynine (Kratom): A survey of the literature', Brain Research Bulletin, 126, pp. 41-46.",
			ParsedRef{Authors: []string{"Singh, D.", "Narayanan, S.", "Vicknasingam, B."}, Year: 2016, Title: "Traditional and non-traditional uses of Mitragynine (Kratom): A survey of the literature", Venue: "Brain Research Bulletin", Volume: "126", Pages: "41-46", Type: "journal article"}},
		{"NHS (2022) Gabapentin. Available at: https://www.nhs.uk/medicines/gabapentin/ (Accessed: 3 March 2024).",
			ParsedRef{Organization: "NHS", Year: 2022, Title: "Gabapentin", Type: "web page", URL: "https://www.nhs.uk/medicines/gabapentin/"}},
		{"Melzack, R. and Wall, P.D. (1996) The challenge of pain. 2nd edn. London: Penguin.",
			ParsedRef{Authors: []string{"Melzack, R.", "Wall, P.D."}, Year: 1996, Title: "The challenge of pain", Publisher: "Penguin", Type: "book"}},

		// Plain web citations and press releases
		{"Gabapentin: MedlinePlus Drug Information. https://medlineplus.gov/druginfo/meds/a694007.html. Accessed January 5, 2024.",
			ParsedRef{Title: "Gabapentin: MedlinePlus Drug Information", Type: "web page", URL: "https://medlineplus.gov/druginfo/meds/a694007.html"}},
		{"U.S. Food and Drug Administration. FDA and Kratom. News release. September 11, 2019. https://www.fda.gov/news-events/public-health-focus/fda-and-kratom",
			ParsedRef{Organization: "U.S. Food and Drug Administration", Year: 2019, Date: "September 11, 2019", Title: "FDA and Kratom", Type: "press release", URL: "https://www.fda.gov/news-events/public-health-focus/fda-and-kratom"}},
		{"(3) Mayo Clinic Staff. Chronic pain: Medication decisions. Mayo Clinic; 2022.",
			ParsedRef{Organization: "Mayo Clinic Staff", Year: 2022, Title: "Chronic pain: Medication decisions", Venue: "Mayo Clinic", Type: "web page"}},
	}
	if len(tests) < 25 {
		t.Fatalf("only %d citations", len(tests))
	}
	for _, tc := range tests {
		got := ParseReference(tc.raw)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ParseReference(%q)\n got %+v\nwant %+v", tc.raw, got, tc.want)
		}
	}
}

func TestParseReferenceEmpty(t *testing.T) {
	for _, s := range []string{"", "   ", "\u00a0", "1. ", "“”", "(2020)"} {
		_ = ParseReference(s) // must not panic
	}
	if r := ParseReference(""); !reflect.DeepEqual(r, ParsedRef{}) {
		t.Errorf("empty reference parsed as %+v", r)
	}
}
