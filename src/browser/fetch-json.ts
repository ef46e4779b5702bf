// Reads an address as JSON, for the importers that fetch (Wikidata). A failed request, an HTTP
// error or a body that is not JSON rejects with a message that says which.

export async function fetchJson(url: string): Promise<unknown> {
  let response: Response
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' } })
  } catch {
    throw new Error('no connection')
  }
  if (!response.ok) throw new Error(`the server answered ${response.status}`)
  try {
    return await response.json()
  } catch {
    throw new Error('the answer is not JSON')
  }
}
