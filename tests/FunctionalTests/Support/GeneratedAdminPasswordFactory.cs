namespace Portal.FunctionalTests.Support;

/// <summary>No administrator password configured: one is generated and printed at the first start.</summary>
public sealed class GeneratedAdminPasswordFactory() : AdminPasswordFactory("");
