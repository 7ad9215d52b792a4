namespace Portal.Application.Common;

/// <summary>Marks the application assembly for assembly scanning (mediator, validators, architecture tests).</summary>
public static class ApplicationMarker;
