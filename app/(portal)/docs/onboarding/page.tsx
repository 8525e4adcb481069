import type { Metadata } from "next";
import { MdxContent } from "@/components/docs/mdx-content";
import { Checklist, OnboardingProgress, ProgressBar } from "@/components/docs/onboarding-progress";
import { sessionActor } from "@/lib/auth/session-actor";
import { listEntries } from "@/lib/content/content-store";

export const metadata: Metadata = { title: "Onboarding" };

export default async function OnboardingPage() {
  const steps = listEntries("onboarding");
  const total = steps.reduce((sum, step) => sum + step.frontmatter.checklist.length, 0);
  const signedIn = (await sessionActor()).kind === "user";
  return (
    <OnboardingProgress signedIn={signedIn} total={total}>
      <div className="space-y-8">
        <header className="space-y-3">
          <h1 className="text-3xl font-semibold">Onboarding</h1>
          <p className="text-slate-700 dark:text-slate-300">
            From your first day to your first change in production. Tick items as you go:{" "}
            {signedIn ? "your progress is saved to your account." : "your progress is kept in this browser; sign in to keep it everywhere."}
          </p>
          <ProgressBar />
        </header>
        {steps.map((step) => (
          <section
            key={step.slug}
            id={step.slug}
            aria-labelledby={`${step.slug}-title`}
            className="scroll-mt-4 border-t border-slate-200 pt-6 dark:border-slate-800"
          >
            <h2 id={`${step.slug}-title`} className="text-2xl font-semibold">
              Step {step.frontmatter.step}: {step.frontmatter.title}
            </h2>
            <p className="text-slate-600 dark:text-slate-400">{step.frontmatter.summary}</p>
            <MdxContent source={step.body} />
            <Checklist items={step.frontmatter.checklist} />
          </section>
        ))}
      </div>
    </OnboardingProgress>
  );
}
