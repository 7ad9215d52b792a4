namespace Portal.Application.Settings;

/// <summary>The parts of My Account the business can switch off; a hidden section is unreachable too (404).</summary>
public enum MyAccountSection
{
    Details = 1,
    PaymentMethods = 2,
    Documents = 3,
    Pages = 4,
}
