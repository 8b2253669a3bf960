using System.Collections.Frozen;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace CorpusBot.Search.Analysis;

/// <summary>
/// Maps irregular English forms onto their base before stemming, which cannot see them: "paid" meets "pay",
/// "won" meets "win", "children" meets "child". A reader asks "How much did they pay?" of a text that says "paid".
/// Applied at index and query time alike. Forms that are as often another word are left alone ("left", "saw",
/// "lay", "rose", "fed", "lent", "bound", "wound", "ground", "bore", "lives", "leaves", "feet").
/// The adjectives and peoples of places meet the place too ("Scottish" and "Scots" meet "Scotland"): "In what part
/// of Scotland…" asks of a text that says "the Scottish West Highlands". Those that are as often another word
/// ("Polish", "English", "Indian", "Turkey") are left alone.
/// </summary>
internal sealed class IrregularFormsFilter(TokenStream input) : TokenFilter(input)
{
    // Each line: the base, then its irregular forms. Declared before the map built from it (static fields initialise in order).
    private static readonly string[] Forms =
    [
        "arise arose arisen", "become became", "begin began begun", "bend bent", "bite bitten",
        "bleed bled", "break broke broken", "bring brought", "build built", "burn burnt", "buy bought", "catch caught",
        "choose chose chosen", "come came", "creep crept", "deal dealt", "dig dug", "do did done does", "draw drew drawn",
        "dream dreamt", "drink drank drunk", "drive drove driven", "eat ate eaten", "fall fell fallen", "feel felt",
        "fight fought", "find found", "flee fled", "fly flew flown", "forbid forbade forbidden", "forget forgot forgotten",
        "forgive forgave forgiven", "freeze froze frozen", "get got gotten", "give gave given", "go went gone",
        "grow grew grown", "hang hung", "have had has", "hear heard", "hide hid hidden", "hold held", "keep kept",
        "kneel knelt", "know knew known", "lead led", "leap leapt", "learn learnt", "lose lost", "make made",
        "mean meant", "meet met", "overcome overcame", "overthrow overthrew overthrown", "pay paid", "ride rode ridden",
        "ring rang rung", "rise risen", "run ran", "say said", "see seen", "seek sought", "sell sold", "send sent",
        "shake shook shaken", "shine shone", "shoot shot", "sing sang sung", "sink sank sunk", "sit sat", "sleep slept",
        "slide slid", "speak spoke spoken", "speed sped", "spend spent", "spin spun", "steal stole stolen",
        "stick stuck", "sting stung", "stand stood", "strike struck stricken", "strive strove striven",
        "swear swore sworn", "sweep swept", "swim swam swum", "swing swung", "take took taken", "teach taught",
        "tear tore torn", "tell told", "think thought", "throw threw thrown", "undertake undertook undertaken",
        "understand understood", "uphold upheld", "wear wore worn", "weave wove woven", "weep wept", "win won",
        "withdraw withdrew withdrawn", "withhold withheld", "write wrote written",
        "child children", "man men", "woman women", "tooth teeth", "mouse mice", "goose geese", "wife wives",
        "knife knives", "half halves", "thief thieves", "wolf wolves", "shelf shelves",
        "america american americans", "britain british briton britons", "scotland scottish scots", "ireland irish",
        "wales welsh", "france french frenchman frenchmen", "germany german germans", "spain spanish spaniard spaniards",
        "italy italian italians", "russia russian russians", "china chinese", "japan japanese", "canada canadian canadians",
        "mexico mexican mexicans", "cuba cuban cubans", "israel israeli israelis", "egypt egyptian egyptians",
        "greece greek greeks", "sweden swedish swede swedes", "norway norwegian norwegians", "denmark danish dane danes",
        "netherlands dutch", "switzerland swiss", "austria austrian austrians", "hungary hungarian hungarians",
        "portugal portuguese", "belgium belgian belgians", "europe european europeans", "africa african africans",
        "asia asian asians", "australia australian australians", "korea korean koreans", "vietnam vietnamese",
        "iran iranian iranians", "iraq iraqi iraqis", "pakistan pakistani pakistanis", "ukraine ukrainian ukrainians",
        "brazil brazilian brazilians", "afghanistan afghan afghans", "syria syrian syrians", "lebanon lebanese",
        "nigeria nigerian nigerians", "kenya kenyan kenyans", "philippines filipino filipinos", "texas texan texans",
        "california californian californians",
    ];

    private static readonly FrozenDictionary<string, string> BaseOf = BuildBaseForms();

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        BaseOf.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly int LongestForm = BaseOf.Keys.Max(k => k.Length);

    private readonly ICharTermAttribute _term = input.AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var length = _term.Length;
        if (length >= 2 && length <= LongestForm && Lookup.TryGetValue(_term.Buffer.AsSpan(0, length), out var baseForm))
        {
            _term.SetEmpty().Append(baseForm);
        }

        return true;
    }

    private static FrozenDictionary<string, string> BuildBaseForms()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Forms)
        {
            var words = line.Split(' ');
            foreach (var form in words.Skip(1))
            {
                map.Add(form, words[0]);
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
