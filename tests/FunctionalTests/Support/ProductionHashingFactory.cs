namespace Portal.FunctionalTests.Support;

/// <summary>A portal that hashes passwords at production strength, for tests that measure how long a sign-in takes.</summary>
public sealed class ProductionHashingFactory : PortalFactory
{
    protected override bool KeepProductionPasswordHashing => true;
}
