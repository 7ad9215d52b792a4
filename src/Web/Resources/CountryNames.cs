namespace Portal.Web;

/// <summary>Anchor type of the country-name resources: ISO 3166-1 alpha-2 code → name, in English and German.</summary>
public sealed class CountryNames;
