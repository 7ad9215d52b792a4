namespace Portal.Web.Infrastructure.Access;

/// <summary>The one back-office page a colleague reaches while their password must still be replaced: the one that replaces it.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class OpenBeforePasswordChangeAttribute : Attribute;
