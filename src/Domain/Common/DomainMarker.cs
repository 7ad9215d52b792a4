namespace Portal.Domain.Common;

/// <summary>Marks the domain assembly for assembly scanning (mediator, architecture tests).</summary>
public static class DomainMarker;
