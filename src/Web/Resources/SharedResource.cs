namespace Portal.Web;

/// <summary>Anchor type of the one resource file all pages share; keys are the English texts.</summary>
public sealed class SharedResource;
