namespace Portal.FunctionalTests.Support;

/// <summary>The portal with its SMTP server not (yet) started.</summary>
public sealed class SmtpDownFactory : PortalFactory
{
    protected override bool StartSmtp => false;
}
