namespace Aufsicht.Features.Evaluation;

/// <summary>The evaluation feature's services: the evaluator shared by all requests, one use-case class per action.</summary>
internal static class EvaluationSetup
{
    public static void AddEvaluation(this IServiceCollection services)
    {
        services.AddSingleton<CampaignEvaluator>();
        services.AddScoped<ReevaluateCampaign>();
        services.AddScoped<LinkOtherService>();
    }
}
