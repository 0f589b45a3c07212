/*
 * delay-queue: holds every packet that iptables hands to NFQUEUE number QUEUE for DELAY_MS milliseconds,
 * then lets it through — added latency where the kernel has no netem (see ../../docs/benchmarks.md).
 * Packets leave in the order they came. Build: cc -O2 -o delay-queue delay-queue.c -lnetfilter_queue -lnfnetlink
 * Usage: delay-queue QUEUE DELAY_MS   (prints "ready" once it listens)
 */
#include <arpa/inet.h>
#include <errno.h>
#include <libnetfilter_queue/libnetfilter_queue.h>
#include <linux/netfilter.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>

#define MAX_HELD 65536

static struct {
  uint32_t id;
  long long due_us;
} held[MAX_HELD];
static size_t head = 0, count = 0;
static long long delay_us = 0;

static long long now_us(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

static int on_packet(struct nfq_q_handle *qh, struct nfgenmsg *msg, struct nfq_data *nfa, void *data) {
  (void)msg;
  (void)data;
  struct nfqnl_msg_packet_hdr *header = nfq_get_msg_packet_hdr(nfa);
  uint32_t id = header ? ntohl(header->packet_id) : 0;
  /* Full: let the packet pass at once rather than drop it. */
  if (count == MAX_HELD) return nfq_set_verdict(qh, id, NF_ACCEPT, 0, NULL);
  size_t tail = (head + count) % MAX_HELD;
  held[tail].id = id;
  held[tail].due_us = now_us() + delay_us;
  count++;
  return 0;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: delay-queue QUEUE DELAY_MS\n");
    return 2;
  }
  int queue = atoi(argv[1]);
  delay_us = atoll(argv[2]) * 1000;
  struct nfq_handle *handle = nfq_open();
  if (!handle) {
    perror("delay-queue: nfq_open");
    return 1;
  }
  struct nfq_q_handle *qh = nfq_create_queue(handle, (uint16_t)queue, &on_packet, NULL);
  if (!qh) {
    perror("delay-queue: nfq_create_queue");
    return 1;
  }
  if (nfq_set_mode(qh, NFQNL_COPY_META, 0) < 0) {
    perror("delay-queue: nfq_set_mode");
    return 1;
  }
  nfq_set_queue_maxlen(qh, MAX_HELD);
  /* A large receive buffer: a burst must not overflow it (ENOBUFS would lose the packets' verdicts). */
  nfnl_rcvbufsiz(nfq_nfnlh(handle), 64 * 1024 * 1024);
  int fd = nfq_fd(handle);
  printf("ready\n");
  fflush(stdout);
  static char buffer[65536];
  for (;;) {
    int timeout = -1;
    if (count > 0) {
      long long wait = held[head].due_us - now_us();
      timeout = wait <= 0 ? 0 : (int)((wait + 999) / 1000);
    }
    struct pollfd p = {.fd = fd, .events = POLLIN};
    int ready = poll(&p, 1, timeout);
    if (ready < 0 && errno != EINTR) {
      perror("delay-queue: poll");
      return 1;
    }
    if (ready > 0 && (p.revents & POLLIN)) {
      for (;;) {
        int n = (int)recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
        if (n >= 0) {
          nfq_handle_packet(handle, buffer, n);
          continue;
        }
        if (errno == ENOBUFS) fprintf(stderr, "delay-queue: the kernel dropped queued packets (ENOBUFS)\n");
        break;
      }
    }
    long long now = now_us();
    while (count > 0 && held[head].due_us <= now) {
      nfq_set_verdict(qh, held[head].id, NF_ACCEPT, 0, NULL);
      head = (head + 1) % MAX_HELD;
      count--;
    }
  }
}
