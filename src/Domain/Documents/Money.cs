namespace Portal.Domain.Documents;

/// <summary>Amounts are rounded to cents commercially: half a cent goes away from zero.</summary>
public static class Money
{
    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
