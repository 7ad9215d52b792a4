namespace Portal.Bench.Seed;

/// <summary>Names and addresses that look like a real customer base: umlauts, accents, a few e-mail domains, gaps.</summary>
internal sealed class SampleData(int seed)
{
    private static readonly string[] FirstNames =
    [
        "Anna", "Lukas", "Zoë", "José", "Jürgen", "Sören", "Björn", "Chloé", "Renée", "François", "Małgorzata", "Ömer",
        "Emma", "Jonas", "Sophie", "Léa", "Noah", "Mia", "Paul", "Hannah", "Ben", "Lena", "Élodie", "Håkon", "Ines",
        "Nuño", "Zoé", "Felix", "Marie", "Dvořák", "Žofie", "Andrés", "Maëlle", "Jörg", "Käthe", "Günther", "Agnès",
    ];

    private static readonly string[] LastNames =
    [
        "Müller", "Größer", "Schäfer", "Weiß", "Köhler", "Bäcker", "Hoffmann", "Jäger", "Groß", "Fußmann", "Nuñez",
        "García", "Pérez", "Lefèvre", "Dubois", "Müllner", "Krüger", "Schröder", "Öztürk", "Çelik", "Brontë", "Ørsted",
        "Smith", "Clarke", "Martin", "Berger", "Huber", "Weber", "Wagner", "Becker", "Fischer", "Schulz", "Zimmermann",
        "Łukasiewicz", "Novák", "Svensson", "Høeg", "Rossi", "Bianchi", "Ferreira", "Gonçalves", "Mueller", "Muller",
    ];

    private static readonly string[] CompanySuffixes = ["GmbH", "AG", "& Söhne", "KG", "Ltd", "SARL", "S.L.", "e.K.", "GmbH & Co. KG"];
    private static readonly string[] CompanyTrades =
        ["Bäckerei", "Café", "Outfitters", "Logistik", "Möbelhaus", "Zahnärzte", "Studio", "Werkstatt", "Consulting", "Brauerei"];
    private static readonly string[] Domains =
        ["example.com", "mail.example", "post.example.de", "web.example", "firma.example", "gmx.example", "outlook.example"];
    private static readonly (string City, string PostalCode, string Country, string Street)[] Places =
    [
        ("München", "80802", "DE", "Leopoldstraße"), ("Köln", "50667", "DE", "Hohe Straße"), ("Berlin", "10119", "DE", "Torstraße"),
        ("Düsseldorf", "40213", "DE", "Königsallee"), ("Zürich", "8001", "CH", "Bahnhofstrasse"), ("Wien", "1010", "AT", "Graben"),
        ("Paris", "75002", "FR", "Rue de la Paix"), ("Sevilla", "41001", "ES", "Calle Sierpes"), ("London", "N1 7GR", "GB", "Wharf Road"),
    ];

    private readonly Random _random = new(seed);

    public int Next(int max) => _random.Next(max);

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public string PersonName() => $"{Pick(FirstNames)} {Pick(LastNames)}";

    public string CompanyName() => Chance(0.5) ? $"{Pick(LastNames)} {Pick(CompanySuffixes)}" : $"{Pick(CompanyTrades)} {Pick(LastNames)}";

    /// <summary>A unique address: the row number keeps two Anna Müllers apart, as real data would by some digit.</summary>
    public string Email(string name, int number) => $"{Slug(name)}.{number}@{Pick(Domains)}";

    public (string City, string PostalCode, string Country, string Street) Place() => Pick(Places);

    public string Phone() => $"+49 {_random.Next(30, 999)} {_random.Next(100_000, 9_999_999)}";

    /// <summary>Lower case ASCII for the local part: accents dropped, umlauts spelled out, as people type them into forms.</summary>
    public static string Slug(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            builder.Append(c switch
            {
                'ä' => "ae",
                'ö' => "oe",
                'ü' => "ue",
                'ß' => "ss",
                'ø' => "o",
                'å' => "a",
                'ł' => "l",
                'æ' => "ae",
                ' ' => ".",
                _ when char.IsAsciiLetterOrDigit(c) => c.ToString(),
                _ => StripAccent(c),
            });
        }
        return builder.ToString().Trim('.');
    }

    private static string StripAccent(char c)
    {
        var decomposed = c.ToString().Normalize(System.Text.NormalizationForm.FormD);
        return decomposed.Length > 0 && char.IsAsciiLetter(decomposed[0]) ? decomposed[0].ToString() : "";
    }
}
