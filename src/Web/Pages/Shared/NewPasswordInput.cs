using System.ComponentModel.DataAnnotations;

namespace Portal.Web.Pages.Shared;

/// <summary>The two fields of a page that sets a first password through a one-time link (customer or staff invitation).</summary>
public sealed class NewPasswordInput
{
    [Display(Name = "New password")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [Display(Name = "Repeat the password")]
    [DataType(DataType.Password)]
    public string? ConfirmPassword { get; set; }
}
