namespace Portal.Infrastructure.Mail;

public sealed class BrandingOptions
{
    public const string Section = "Portal";

    /// <summary>The business's name, shown in the layout and in every e-mail.</summary>
    public string CompanyName { get; set; } = "Portal";

    /// <summary>Links in e-mails are built from this, never from a request's Host header.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";
}
