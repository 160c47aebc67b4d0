package llm_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/newsbot/newsbot/rag/llm"
	"github.com/newsbot/newsbot/rag/openaitest"
)

func Example() {
	srv := openaitest.NewServer(openaitest.WithDim(8), openaitest.WithReply(func(openaitest.Request) string {
		return "Putin rejected the plan [1]."
	}))
	defer srv.Close()

	c, err := llm.New(llm.Config{
		BaseURL:    srv.URL(),
		APIKey:     "sk-example",
		ChatModel:  "test-chat",
		EmbedModel: "test-embed",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	ctx := context.Background()

	vecs, err := c.Embed(ctx, []string{"first chunk", "second chunk", "third chunk"})
	fmt.Println(len(vecs), len(vecs[0]), err, srv.Count(openaitest.PathEmbeddings), "request")

	var deltas []string
	reply, err := c.Chat(ctx, []llm.Message{
		{Role: llm.RoleSystem, Content: "Answer from the passages."},
		{Role: llm.RoleUser, Content: "What did Putin do?"},
	}, func(delta string) { deltas = append(deltas, delta) })
	fmt.Printf("%q\n", deltas)
	fmt.Println(reply.Text, reply.FinishReason, err)

	// A stream cut before its finish reason is reported, with what arrived.
	srv.Enqueue(openaitest.PathChat, openaitest.CutStream(2))
	reply, err = c.Chat(ctx, []llm.Message{{Role: llm.RoleUser, Content: "Again?"}}, func(string) {})
	fmt.Printf("%q %v %v\n", reply.Text, reply.Truncated, errors.Is(err, llm.ErrTruncated))
	// Output:
	// 3 8 <nil> 1 request
	// ["Putin " "rejected " "the " "plan " "[1]."]
	// Putin rejected the plan [1]. stop <nil>
	// "Putin rejected " true true
}
