using Distillery.Commands;
using Distillery.Components;
using Distillery.Nas.Cluster;
using Distillery.Nas.Cluster.Coordinating;
using Distillery.Nas.Cluster.Working;
using Distillery.Nas.Commands;
using Distillery.Nas.Evaluators;
using Distillery.Nas.Evaluators.ZeroCost;
using Distillery.Nas.Reports;
using Distillery.Nas.Scores;
using Distillery.Nas.Searching;
using Distillery.Nas.Spaces;
using Distillery.Nas.Strategies;
using Distillery.Plugins;
using Distillery.Search;
using Distillery.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

[assembly: DistilleryPlugin("distillery.nas", "0.1.0", "Architecture search with distilled proxies: spaces, strategies, candidate evaluators, stored ground truth, proxy-quality reports.")]

namespace Distillery.Nas;

public sealed class NasPlugin : IDistilleryPlugin
{
    public void Register(IComponentRegistry components)
    {
        ArgumentNullException.ThrowIfNull(components);
        components.AddComponent<ISearchSpace, ConvNetSpace, ConvNetSpaceOptions>(
            ConvNetSpace.Name, "ConvNet variants: depth 1-4 × width 32-256 × 3 activations × 5 normalizations × 3 poolings (720); the options narrow any dimension.");
        components.AddComponent<ISearchSpace, ListSpace, ListSpaceOptions>(
            ListSpace.Name, "Architecture names from configuration (Candidates).");

        components.AddComponent<ISearchStrategy, ExhaustiveStrategy, NoOptions>(ExhaustiveStrategy.Name, "Every candidate in the space's order, up to the budget.");
        components.AddComponent<ISearchStrategy, RandomStrategy, NoOptions>(RandomStrategy.Name, "Candidates drawn once from the seed, covering every dimension value evenly.");
        components.AddComponent<ISearchStrategy, EvolutionStrategy, EvolutionOptions>(
            EvolutionStrategy.Name, "Regularized (aging) evolution: tournaments of SampleSize in a population of Population, the best mutated, the oldest retired.");
        components.AddComponent<ISearchStrategy, HalvingStrategy, HalvingOptions>(
            HalvingStrategy.Name, "Successive halving over epochs: every candidate briefly, the best 1/Eta for Eta times longer, up to the evaluator's full protocol.");

        components.AddComponent<ICandidateEvaluator, FullEvaluator, FullOptions>(
            FullEvaluator.Name, "Ground truth: the whole training set, reference optimizer, 3 epochs; stored and reused as a benchmark table.");
        components.AddComponent<ICandidateEvaluator, DistilledSetEvaluator, DistilledSetOptions>(
            DistilledSetEvaluator.Name, "Proxy: trains each candidate on a stored distilled set (--set; soft labels and learned learning rate included), 300 epochs.");
        components.AddComponent<ICandidateEvaluator, SubsetEvaluator, SubsetOptions>(
            SubsetEvaluator.Name, "Proxy: trains each candidate on random real images, 10 per class, with the set evaluator's protocol.");
        components.AddComponent<ICandidateEvaluator, EarlyStopEvaluator, EarlyStopOptions>(
            EarlyStopEvaluator.Name, "Proxy: 100 SGD steps of batch 256 on the full training set, then the test accuracy.");
        components.AddComponent<ICandidateEvaluator, ParamsEvaluator, NoOptions>(
            ParamsEvaluator.Name, "Zero-cost baseline: the number of trainable parameters.");
        components.AddComponent<ICandidateEvaluator, FlopsEvaluator, NoOptions>(
            FlopsEvaluator.Name, "Zero-cost baseline: multiply-accumulates of one forward pass per image (convolutions and linear layers).");
        components.AddComponent<ICandidateEvaluator, SynflowEvaluator, SynflowOptions>(
            SynflowEvaluator.Name, "Zero-cost: synaptic flow at initialisation (Tanaka et al. 2020), as its natural logarithm; needs no data.");
        components.AddComponent<ICandidateEvaluator, NaswotEvaluator, NaswotOptions>(
            NaswotEvaluator.Name, "Zero-cost: log-determinant of the activation-pattern kernel of a real batch at initialisation (Mellor et al. 2021).");
        components.AddComponent<ICandidateEvaluator, SnipEvaluator, SnipOptions>(
            SnipEvaluator.Name, "Zero-cost: connection sensitivity |weight x gradient| of a real batch's loss at initialisation (Lee et al. 2019).");
        components.AddComponent<ICandidateEvaluator, GradNormEvaluator, GradNormOptions>(
            GradNormEvaluator.Name, "Zero-cost: L2 norm of the gradient of a real batch's loss at initialisation.");

        components.AddArtifactStore(ScoreStore.Owner);
        components.Services.TryAddSingleton<IScoreStore>(provider => new ScoreStore(provider.GetRequiredKeyedService<IArtifactStore>(ScoreStore.Owner)));
        components.Services.TryAddSingleton<ProxySets>();

        // Distributed search: workers serve candidates, a coordinator sends them (nas --cluster).
        components.AddSettings<ClusterOptions>(ClusterOptions.Section);
        components.Services.TryAddSingleton<CandidateWorker>();
        components.Services.TryAddTransient<WorkerSilo>();
        components.Services.TryAddTransient<ClusterConnector>();
        components.AddCommand<WorkerCommand>(WorkerCommand.Registration);
        components.Services.TryAddTransient<CandidateTraining>();
        components.Services.TryAddTransient<ZeroCostScoring>();
        components.Services.TryAddTransient<CandidateScorer>();
        components.Services.TryAddTransient<SearchRunner>();

        components.AddScenario<NasScenario, NasOptions>(
            NasScenario.Name, "Architecture search: a strategy over a space, candidates scored by a proxy, every score stored; optional ground-truth confirmation.");
        components.AddCommand<NasCommand>(NasCommand.Registration);

        // A command cannot also be a group of commands ('nas' is the search), so the report and the table are commands of their own.
        components.Services.TryAddTransient<ProxyReportBuilder>();
        components.AddCommand<NasReportCommand>(NasReportCommand.Registration);
        components.AddCommand<NasTableCommand>(NasTableCommand.Registration);
    }
}
