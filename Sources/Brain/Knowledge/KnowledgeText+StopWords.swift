extension KnowledgeText {
    /// Words that carry no content of their own in a customer's question: articles, pronouns,
    /// auxiliaries, prepositions, question words, greetings and light verbs (have, take, offer,
    /// accept…), in English, Spanish, French and German, accents folded.
    static let stopWords: Set<String> = english.union(spanish).union(french).union(german)

    private static let english: Set<String> = [
        "a", "an", "the", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "doing", "done",
        "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "cant", "wont", "couldnt", "wouldnt", "shouldnt",
        "have", "has", "had", "having", "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "you", "your",
        "yours", "u", "ur", "r", "ya", "it", "its", "this", "that", "these", "those", "there", "here", "they", "them",
        "their", "he", "she", "him", "his", "her", "to", "of", "in", "on", "at", "for", "with", "from", "by", "about",
        "as", "into", "onto", "if", "so", "than", "then", "and", "or", "but", "nor", "can", "could", "would",
        "should", "will", "shall", "may", "might", "must", "im", "id", "ive", "youre", "were", "theyre", "ill",
        "else", "up", "out", "off", "over", "through", "per", "via", "each", "every", "all", "other", "another",
        "same", "such", "own", "too", "very", "really", "usually", "generally", "normally", "currently", "also",
        "still", "yet", "just", "already", "even", "any", "anything", "anyone", "anybody", "some", "something",
        "someone", "somebody", "one", "ones", "thing", "things", "stuff", "much", "many", "more", "most", "lot",
        "lots", "bit", "few", "again", "ever", "actually", "maybe", "perhaps", "probably", "exactly", "right",
        "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "whats", "wheres", "whens", "hows",
        "please", "pls", "plz", "hi", "hello", "hey", "hiya", "thanks", "thank", "thx", "ty", "ok", "okay",
        "sorry", "wondering", "wonder", "question", "quick", "dear", "sir", "madam", "regards", "cheers", "yes",
        "yeah", "yep", "good", "great", "nice", "cool", "awesome", "lol",
        "get", "got", "getting", "gets", "take", "takes", "taking", "took", "accept", "accepted", "accepting",
        "offer", "offers", "offered", "offering", "provide", "provides", "provided", "make", "makes", "made",
        "give", "gives", "sell", "sells", "selling", "sold", "carry", "stock", "stocks", "see", "find", "use", "used", "using", "go", "going", "goes", "come", "coming", "let",
        "allow", "allowed", "allows", "permit", "permitted", "welcome", "available", "availability", "possible",
        "need", "needed", "needs", "require", "required", "requires", "want", "wanted", "wants", "like", "love",
        "know", "tell", "told", "say", "said", "ask", "asking", "looking", "look", "work", "works", "way", "able",
        "happen", "happens", "typically", "kind", "sort", "type", "also", "would", "guys", "folks", "there",
        "anyway", "though", "although", "because", "since", "while", "until", "till", "before", "after",
        "currently", "now", "new", "wanna", "gonna", "gotta", "interested", "curious", "info", "information",
        "details", "detail", "mind", "okay", "sure", "hope", "hoping", "try", "trying", "tried", "able", "thinking",
        "think", "planning", "plan", "wish", "wishing", "quick", "question", "questions", "inquiry", "enquiry",
        "somewhere", "anywhere", "everything", "everyone", "whether", "not", "no", "never", "nothing", "without",
        "back", "down", "away", "along", "around", "worth", "bit", "kinda", "sorta", "literally", "basically",
    ]

    private static let spanish: Set<String> = [
        "el", "la", "los", "las", "un", "una", "unos", "unas", "lo", "al", "del", "de", "en", "y", "o", "u", "a",
        "que", "con", "por", "para", "sin", "sobre", "entre", "es", "son", "esta", "estan", "estoy", "ser", "estar",
        "hay", "ha", "han", "he", "hemos", "tiene", "tienen", "tengo", "tenemos", "tener", "puedo", "puede",
        "pueden", "podemos", "poder", "podria", "quiero", "quisiera", "queria", "necesito", "me", "mi", "mis",
        "te", "tu", "tus", "su", "sus", "se", "le", "les", "nos", "yo", "usted", "ustedes", "vosotros", "ellos",
        "como", "cual", "cuales", "cuando", "donde", "quien", "cuanto", "cuanta", "cuantos", "cuantas", "porque",
        "hola", "gracias", "buenos", "buenas", "dias", "tardes", "noches", "favor", "saludos", "pregunta", "si",
        "muy", "mas", "tambien", "algo", "alguno", "alguna", "algun", "este", "esto", "eso", "ese", "esa", "aqui",
        "ustedes", "hacer", "hacen", "hace", "saber", "gustaria", "vale", "bueno", "pero", "ya", "aun", "todo",
        "todos", "toda", "todas", "otro", "otra", "cada", "vuestro", "vuestra", "nuestro", "nuestra", "no", "ni",
        "mismo", "misma", "luego", "despues", "antes", "ahora", "entonces", "vez", "veces", "ir", "voy", "vamos",
        "venir", "viene", "vengo", "llevar", "llevo", "traer", "dar", "dejar", "deja", "poner", "pasar", "pasa",
        "sale", "salir", "cubre", "cubrir", "sea", "seria", "estaria", "tendre", "tendria", "habra", "puedes",
        "podeis", "teneis", "tienes", "sabeis", "sabes", "hola", "oye", "vale", "eh",
    ]

    private static let french: Set<String> = [
        "le", "la", "les", "un", "une", "des", "du", "de", "d", "l", "au", "aux", "et", "ou", "a", "en", "dans",
        "pour", "par", "avec", "sans", "sur", "sous", "chez", "est", "sont", "etre", "ai", "as", "avez", "avons",
        "ont", "avoir", "je", "j", "tu", "il", "elle", "nous", "vous", "ils", "elles", "on", "me", "moi", "mon",
        "ma", "mes", "votre", "vos", "notre", "nos", "son", "sa", "ses", "leur", "leurs", "ce", "cet", "cette",
        "ces", "ca", "cela", "qui", "que", "qu", "quoi", "quel", "quelle", "quels", "quelles", "quand", "comment",
        "combien", "pourquoi", "bonjour", "bonsoir", "salut", "merci", "svp", "plait", "peut", "peux", "pouvez",
        "pouvons", "puis", "faut", "veux", "voudrais", "voulez", "aimerais", "fait", "faire", "est-ce", "y",
        "aussi", "tres", "plus", "tout", "tous", "toute", "toutes", "autre", "autres", "si", "ne", "pas", "se",
        "s", "n", "c", "question", "madame", "monsieur", "non", "oui", "possible", "jamais", "rien",
        "aller", "venir", "mettre", "prendre", "donner", "passer", "encore", "deja", "apres", "avant", "alors",
    ]

    private static let german: Set<String> = [
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "und", "oder",
        "aber", "in", "im", "an", "am", "auf", "aus", "bei", "mit", "nach", "von", "vom", "zu", "zum", "zur", "fur",
        "uber", "unter", "ist", "sind", "sein", "war", "habe", "hast", "hat", "haben", "habt", "ich", "du", "er",
        "sie", "es", "wir", "ihr", "mich", "mir", "mein", "meine", "meinen", "dein", "euer", "eure", "ihre",
        "ihren", "ihrem", "uns", "unser", "unsere", "kann", "kannst", "konnen", "konnte", "konnten", "mochte",
        "mochten", "will", "wollen", "muss", "mussen", "soll", "sollte", "wie", "was", "wo", "wann", "warum",
        "welche", "welcher", "welches", "wer", "wieviel", "viel", "hallo", "guten", "tag", "danke", "bitte",
        "gruss", "hi", "auch", "noch", "schon", "sehr", "mal", "denn", "doch", "gibt", "gibts", "man", "ob",
        "dass", "wenn", "so", "nur", "etwas", "alle", "alles", "frage", "nicht", "kein", "keine", "nein", "ja",
        "gehen", "kommen", "bringen", "geben", "machen", "wieder", "dann", "jetzt", "vorher", "nachher",
    ]
}
