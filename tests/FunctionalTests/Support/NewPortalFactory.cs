namespace Portal.FunctionalTests.Support;

/// <summary>A portal as it starts for a new business: staff two-factor required for administrators.</summary>
public sealed class NewPortalFactory : PortalFactory
{
    protected override bool KeepStaffTwoFactorDefault => true;
}
