// Being built.
export function ReviewsScreen({ openReview }: { openReview: string | null }) {
  return <main className="page">{openReview}</main>;
}
