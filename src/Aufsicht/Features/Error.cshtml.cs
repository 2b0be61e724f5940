using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Aufsicht.Features;

/// <summary>The one error page: a status code and a sentence, never an exception's details.</summary>
[IgnoreAntiforgeryToken]
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int? code) => Code = code ?? HttpContext.Response.StatusCode;

    public void OnPost(int? code) => OnGet(code);
}
