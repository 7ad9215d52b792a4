namespace Portal.Web.Infrastructure.Access;

/// <summary>A My Account page a customer needs while setting up the required two-factor sign-in (or instead of it).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class OpenBeforeTwoFactorSetupAttribute : Attribute;
